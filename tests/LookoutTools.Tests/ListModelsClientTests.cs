using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using LookoutTools.Client;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    /// <summary>
    /// ListModels through the client, at the HTTP level, against a loopback server.
    /// </summary>
    public sealed class ListModelsClientTests
    {
        private const string OnePage = "{\"ModelSummaries\":[{\"ModelName\":\"pump-7\","
            + "\"Status\":\"SUCCESS\",\"CreatedAt\":1704067200,\"ActiveModelVersion\":3}],"
            + "\"NextToken\":\"page-2\"}";

        private static readonly ListModelsQuery Query = new ListModelsQuery
        {
            ModelNameBeginsWith = "pump",
            Status = "SUCCESS",
            MaxResults = 100,
        };

        private static LookoutEquipmentClient ClientFor(LoopbackHttpServer server)
        {
            var config = new LookoutEquipmentConfig();
            config.RegionEndpoint = RegionEndpoint.USEast1;
            config.ServiceURL = server.Url.AbsoluteUri;
            config.AuthenticationRegion = "us-east-1";
            config.RequiredEndpoint = server.Url;
            return new LookoutEquipmentClient(
                new BasicAWSCredentials("AKIDEXAMPLE", "secret"), config);
        }

        [Fact]
        public async Task ARequestIsASignedJsonPostNamingListModels()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            await client.ListModelsAsync(Query, CancellationToken.None);

            var request = Assert.Single(server.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/", request.Path);
            Assert.Equal("AWSLookoutEquipmentFrontendService.ListModels",
                request.Header("X-Amz-Target"));
            Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/",
                request.Header("Authorization"));
            Assert.Equal(Encoding.UTF8.GetString(ListModelsBody.Write(Query)),
                Encoding.UTF8.GetString(request.Body));
        }

        [Fact]
        public async Task TheParsedPageComesBack()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            var page = await client.ListModelsAsync(Query, CancellationToken.None);

            Assert.Equal("page-2", page.NextToken);
            var model = Assert.Single(page.Summaries);
            Assert.Equal("pump-7", model.ModelName);
            Assert.Equal(3L, model.ActiveModelVersion);
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), model.CreatedAt);
        }

        [Fact]
        public async Task AServiceErrorSurfacesWithItsCode()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(403,
                "{\"__type\":\"com.amazonaws.lookoutequipment#AccessDeniedException\","
                + "\"Message\":\"no\"}"));
            using var client = ClientFor(server);

            var exception = await Assert.ThrowsAnyAsync<AmazonServiceException>(
                () => client.ListModelsAsync(Query, CancellationToken.None));

            Assert.Equal("AccessDeniedException", exception.ErrorCode);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task AnAnswerInAnotherShapeIsAParseErrorNamingTheMember()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200,
                "{\"ModelSummaries\":[{\"ActiveModelVersion\":\"three\"}]}"));
            using var client = ClientFor(server);

            var exception = await Assert.ThrowsAsync<ResponseParseException>(
                () => client.ListModelsAsync(Query, CancellationToken.None));

            Assert.Contains("ModelSummaries[0].ActiveModelVersion", exception.Message);
        }
    }
}
