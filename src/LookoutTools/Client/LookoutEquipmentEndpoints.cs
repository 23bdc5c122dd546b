using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace LookoutTools.Client
{
    /// <summary>
    /// Chooses the service URL: the configured endpoint when there is one, otherwise the regional
    /// host of the region's partition (FIPS and dual-stack variants included).
    /// </summary>
    public sealed class LookoutEquipmentEndpointProvider : IEndpointProvider
    {
        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters == null) throw new ArgumentNullException(nameof(parameters));

            var region = parameters["Region"] as string;
            var customEndpoint = parameters["Endpoint"] as string;
            var useFips = Equals(parameters["UseFIPS"], true);
            var useDualStack = Equals(parameters["UseDualStack"], true);

            if (!string.IsNullOrEmpty(customEndpoint))
            {
                if (useFips || useDualStack)
                {
                    throw new AmazonClientException(
                        "FIPS and dual-stack endpoints cannot be combined with a custom endpoint.");
                }
                return new Endpoint(customEndpoint);
            }

            var partition = string.IsNullOrEmpty(region) ? null : Partition(region);
            if (partition == null)
            {
                throw new AmazonClientException(
                    $"Cannot find the Lookout for Equipment endpoint for region '{region}'.");
            }

            var suffixAttribute = useDualStack ? "dualStackDnsSuffix" : "dnsSuffix";
            var dnsSuffix = (string)GetAttr(partition, suffixAttribute);
            var host = useFips ? "lookoutequipment-fips" : "lookoutequipment";
            return new Endpoint($"https://{host}.{region}.{dnsSuffix}");
        }
    }

    /// <summary>Feeds the endpoint provider from the client config on every request.</summary>
    public sealed class LookoutEquipmentEndpointResolver : BaseEndpointResolver
    {
        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
        {
            return MapParameters(
                requestContext.ClientConfig, requestContext.Request.AlternateEndpoint?.SystemName);
        }

        internal static EndpointParameters MapParameters(IClientConfig config,
            string regionOverride)
        {
            // With a custom endpoint and no region the signing region names the region; the SDK
            // would otherwise guess one from the URL's host name.
            var region = regionOverride
                ?? config.RegionEndpoint?.SystemName
                ?? config.AuthenticationRegion;

            var parameters = new EndpointParameters();
            parameters["Region"] = region;
            parameters["UseDualStack"] = config.UseDualstackEndpoint;
            parameters["UseFIPS"] = config.UseFIPSEndpoint;
            parameters["Endpoint"] = config.ServiceURL;
            return parameters;
        }
    }

    /// <summary>
    /// Refuses to send a request anywhere but the endpoint the caller named. The SDK lets a region
    /// set after a service URL silently replace it, which would send a request meant for a local
    /// endpoint to real AWS; this check turns that mistake into an error instead.
    /// </summary>
    public sealed class CustomEndpointGuard : PipelineHandler
    {
        private readonly Uri expectedEndpoint;

        public CustomEndpointGuard(Uri expectedEndpoint)
        {
            this.expectedEndpoint = expectedEndpoint;
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            Check(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Check(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private void Check(IExecutionContext executionContext)
        {
            var actual = executionContext.RequestContext.Request.Endpoint;
            var sameAuthority = actual != null
                && string.Equals(actual.Scheme, expectedEndpoint.Scheme,
                    StringComparison.OrdinalIgnoreCase)
                && string.Equals(actual.Host, expectedEndpoint.Host,
                    StringComparison.OrdinalIgnoreCase)
                && actual.Port == expectedEndpoint.Port;
            if (!sameAuthority)
            {
                throw new EndpointMismatchException(expectedEndpoint, actual);
            }
        }
    }

    /// <summary>Raised when a request would go elsewhere than the named endpoint.</summary>
    public sealed class EndpointMismatchException : AmazonClientException
    {
        public EndpointMismatchException(Uri expected, Uri actual)
            : base($"The request was about to go to '{actual}' instead of the endpoint "
                + $"'{expected}' that was given, so it was not sent. This is a bug in "
                + "LookoutTools; please report it.")
        {
            ExpectedEndpoint = expected;
            ActualEndpoint = actual;
        }

        public Uri ExpectedEndpoint { get; }

        public Uri ActualEndpoint { get; }
    }
}
