using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using LookoutTools.Client;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    /// <summary>
    /// Where requests go: the endpoint provider on its own, and through the config the way the
    /// SDK's pipeline asks it for every request.
    /// </summary>
    public sealed class LookoutEquipmentEndpointTests
    {
        private const string LocalUrl = "http://127.0.0.1:4599/";

        private static string EndpointFor(LookoutEquipmentConfig config)
        {
            var query = new ListModelVersionsQuery { ModelName = "m" };
            var request = new ListModelVersionsRequest(query);
            return config.DetermineServiceOperationEndpoint(
                new ServiceOperationEndpointParameters(request)).URL;
        }

        private static EndpointParameters Parameters(
            string region, string endpoint = null, bool fips = false, bool dualStack = false)
        {
            var parameters = new EndpointParameters();
            parameters["Region"] = region;
            parameters["Endpoint"] = endpoint;
            parameters["UseFIPS"] = fips;
            parameters["UseDualStack"] = dualStack;
            return parameters;
        }

        [Theory]
        [InlineData("us-east-1", "https://lookoutequipment.us-east-1.amazonaws.com")]
        [InlineData("eu-west-1", "https://lookoutequipment.eu-west-1.amazonaws.com")]
        [InlineData("ap-northeast-2", "https://lookoutequipment.ap-northeast-2.amazonaws.com")]
        [InlineData("cn-north-1", "https://lookoutequipment.cn-north-1.amazonaws.com.cn")]
        [InlineData("us-gov-west-1", "https://lookoutequipment.us-gov-west-1.amazonaws.com")]
        public void ARegionAloneGivesTheRegionalHostOfItsPartition(string region, string expected)
        {
            var config = new LookoutEquipmentConfig
            {
                RegionEndpoint = RegionEndpoint.GetBySystemName(region),
            };

            Assert.Equal(expected, EndpointFor(config));
            Assert.Equal(expected,
                new LookoutEquipmentEndpointProvider().ResolveEndpoint(Parameters(region)).URL);
        }

        [Theory]
        [InlineData("us-east-1", "https://lookoutequipment-fips.us-east-1.amazonaws.com")]
        [InlineData("us-gov-west-1", "https://lookoutequipment-fips.us-gov-west-1.amazonaws.com")]
        public void FipsGivesTheFipsHost(string region, string expected)
        {
            var config = new LookoutEquipmentConfig
            {
                RegionEndpoint = RegionEndpoint.GetBySystemName(region),
                UseFIPSEndpoint = true,
            };

            Assert.Equal(expected, EndpointFor(config));
        }

        [Fact]
        public void DualStackGivesThePartitionsDualStackSuffix()
        {
            var endpoint = new LookoutEquipmentEndpointProvider()
                .ResolveEndpoint(Parameters("eu-west-1", dualStack: true));

            Assert.Equal("https://lookoutequipment.eu-west-1.api.aws", endpoint.URL);
        }

        [Fact]
        public void AServiceUrlIsUsedExactlyAsGiven()
        {
            var config = new LookoutEquipmentConfig
            {
                ServiceURL = LocalUrl,
                AuthenticationRegion = "us-east-1",
            };

            Assert.Equal(LocalUrl, EndpointFor(config));
        }

        [Fact]
        public void AServiceUrlWinsOverTheRegionInTheProvider()
        {
            var endpoint = new LookoutEquipmentEndpointProvider()
                .ResolveEndpoint(Parameters("eu-west-1", "http://localhost:8080/base"));

            Assert.Equal("http://localhost:8080/base", endpoint.URL);
        }

        [Theory]
        [InlineData(true, false)]
        [InlineData(false, true)]
        public void FipsOrDualStackWithACustomEndpointIsRefused(bool fips, bool dualStack)
        {
            var provider = new LookoutEquipmentEndpointProvider();

            var exception = Assert.Throws<AmazonClientException>(() => provider.ResolveEndpoint(
                Parameters("us-east-1", LocalUrl, fips, dualStack)));

            Assert.Contains("custom endpoint", exception.Message);
        }

        [Fact]
        public void FipsWithAServiceUrlInTheConfigIsRefused()
        {
            var config = new LookoutEquipmentConfig
            {
                RegionEndpoint = RegionEndpoint.USEast1,
                UseFIPSEndpoint = true,
            };
            config.ServiceURL = LocalUrl;

            Assert.Throws<AmazonClientException>(() => EndpointFor(config));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void NoRegionAndNoEndpointIsRefused(string region)
        {
            var provider = new LookoutEquipmentEndpointProvider();

            Assert.Throws<AmazonClientException>(
                () => provider.ResolveEndpoint(Parameters(region)));
        }

        [Fact]
        public void NullParametersAreRefused()
        {
            Assert.Throws<ArgumentNullException>(
                () => new LookoutEquipmentEndpointProvider().ResolveEndpoint(null));
        }

        // THE TRAP: the module sets the region first and the service URL second, because the
        // SDK lets whichever is set last decide. This pins the order the module relies on.
        [Fact]
        public void RegionThenServiceUrlSendsRequestsToTheServiceUrl()
        {
            var config = new LookoutEquipmentConfig();
            config.RegionEndpoint = RegionEndpoint.USEast1;
            config.ServiceURL = LocalUrl;
            config.AuthenticationRegion = "us-east-1";

            Assert.Equal(LocalUrl, EndpointFor(config));
        }

        // The opposite order is the mistake CustomEndpointGuard exists to catch: setting the
        // region clears the service URL, so the request would go to real AWS.
        [Fact]
        public void ServiceUrlThenRegionSilentlyFallsBackToTheAwsHost()
        {
            var config = new LookoutEquipmentConfig();
            config.ServiceURL = LocalUrl;
            config.RegionEndpoint = RegionEndpoint.USEast1;

            Assert.Null(config.ServiceURL);
            Assert.Equal("https://lookoutequipment.us-east-1.amazonaws.com", EndpointFor(config));
        }

        [Fact]
        public void ConfigNamesTheServiceForSigningAndEndpointVariables()
        {
            var config = new LookoutEquipmentConfig();

            Assert.Equal("lookoutequipment", config.AuthenticationServiceName);
            Assert.Equal("lookoutequipment", config.RegionEndpointServiceName);
            Assert.Equal("LookoutEquipment", config.ServiceId);
            Assert.Equal("2020-12-15", config.ServiceVersion);
            Assert.Contains("lib/LookoutTools#", config.UserAgent);
        }
    }
}
