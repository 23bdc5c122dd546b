using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using LookoutTools.Client;
using LookoutTools.Protocol;
using Xunit;
using Xunit.Abstractions;

namespace LookoutTools.Tests
{
    /// <summary>
    /// The client end to end at the HTTP level, against a loopback server in this process:
    /// what goes on the wire, and how answers and errors come back.
    /// </summary>
    public sealed class LookoutEquipmentClientTests
    {
        private const string OnePage = "{\"ModelVersionSummaries\":[{\"ModelName\":\"pump-7\","
            + "\"ModelVersion\":4,\"CreatedAt\":1704067200.5,\"Status\":\"SUCCESS\"}],"
            + "\"NextToken\":\"page-2\"}";

        private static readonly ListModelVersionsQuery Query = new ListModelVersionsQuery
        {
            ModelName = "pump-7",
            MaxResults = 500,
            Status = "SUCCESS",
            CreatedAtStartTime = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            NextToken = "page-1",
        };

        private readonly ITestOutputHelper output;

        public LookoutEquipmentClientTests(ITestOutputHelper output)
        {
            this.output = output;
        }

        // Built as the module builds it: region first, then the service URL (see
        // LookoutEquipmentEndpointTests for why the order matters).
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

        private static string ErrorBody(string type, string message)
        {
            return "{\"__type\":\"com.amazonaws.lookoutequipment#" + type
                + "\",\"Message\":\"" + message + "\"}";
        }

        [Fact]
        public async Task ARequestIsASignedJsonPostToTheRoot()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            await client.ListModelVersionsAsync(Query, CancellationToken.None);

            var request = Assert.Single(server.Requests);
            foreach (var header in request.Headers)
            {
                output.WriteLine($"{header.Key}: {header.Value}");
            }
            Assert.Equal("POST", request.Method);
            Assert.Equal("/", request.Path);
            Assert.Equal("AWSLookoutEquipmentFrontendService.ListModelVersions",
                request.Header("X-Amz-Target"));
            Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
            Assert.Equal($"127.0.0.1:{server.Url.Port}", request.Header("Host"));
            var authorization = request.Header("Authorization");
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", authorization);
            Assert.Contains("/us-east-1/lookoutequipment/aws4_request", authorization);
            Assert.Contains("x-amz-target", authorization);
            Assert.NotNull(request.Header("X-Amz-Date"));
        }

        [Fact]
        public async Task TheBodyIsExactlyWhatListModelVersionsBodyWrites()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            await client.ListModelVersionsAsync(Query, CancellationToken.None);

            var request = Assert.Single(server.Requests);
            Assert.Equal(
                Encoding.UTF8.GetString(ListModelVersionsBody.Write(Query)),
                Encoding.UTF8.GetString(request.Body));
        }

        [Fact]
        public async Task TheUserAgentNamesTheModule()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            await client.ListModelVersionsAsync(Query, CancellationToken.None);

            var userAgent = Assert.Single(server.Requests).Header("User-Agent");
            Assert.Contains("lib/LookoutTools#", userAgent);
        }

        [Fact]
        public async Task TheParsedPageComesBack()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            var page = await client.ListModelVersionsAsync(Query, CancellationToken.None);

            Assert.Equal("page-2", page.NextToken);
            var summary = Assert.Single(page.Summaries);
            Assert.Equal("pump-7", summary.ModelName);
            Assert.Equal(4L, summary.ModelVersion);
            Assert.Equal(
                new DateTime(2024, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc), summary.CreatedAt);
            Assert.Equal("SUCCESS", summary.Status);
        }

        [Fact]
        public async Task AValidationErrorSurfacesWithItsCodeAndIsNotRetried()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(
                400, ErrorBody("ValidationException", "MaxResults must be at most 500")));
            using var client = ClientFor(server);

            var exception = await Assert.ThrowsAnyAsync<AmazonServiceException>(
                () => client.ListModelVersionsAsync(Query, CancellationToken.None));

            Assert.Equal("ValidationException", exception.ErrorCode);
            Assert.Equal("MaxResults must be at most 500", exception.Message);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, exception.StatusCode);
            Assert.Equal(ErrorType.Sender, exception.ErrorType);
            Assert.Equal("loopback-request", exception.RequestId);
            Assert.Single(server.Requests);
        }

        // The SDK's standard retry mode makes 3 attempts in all for a 5xx answer.
        [Fact]
        public async Task AnInternalServerErrorIsTriedThreeTimesInAll()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(
                500, ErrorBody("InternalServerException", "try again")));
            using var client = ClientFor(server);

            var exception = await Assert.ThrowsAnyAsync<AmazonServiceException>(
                () => client.ListModelVersionsAsync(Query, CancellationToken.None));

            Assert.Equal("InternalServerException", exception.ErrorCode);
            Assert.Equal(ErrorType.Receiver, exception.ErrorType);
            Assert.Equal(3, server.Requests.Count);
        }

        [Fact]
        public async Task ARetriedRequestThatThenSucceedsGivesThePage()
        {
            using var server = new LoopbackHttpServer((_, number) => number == 1
                ? new CannedResponse(503, ErrorBody("ThrottlingException", "slow down"))
                : new CannedResponse(200, OnePage));
            using var client = ClientFor(server);

            var page = await client.ListModelVersionsAsync(Query, CancellationToken.None);

            Assert.Equal("page-2", page.NextToken);
            Assert.Equal(2, server.Requests.Count);
            var bodies = server.Requests.Select(request => Encoding.UTF8.GetString(request.Body));
            Assert.Single(bodies.Distinct());
        }

        [Fact]
        public async Task AnErrorWithoutABodyIsNamedAfterItsStatus()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(403, ""));
            using var client = ClientFor(server);

            var exception = await Assert.ThrowsAnyAsync<AmazonServiceException>(
                () => client.ListModelVersionsAsync(Query, CancellationToken.None));

            Assert.Equal("HttpStatus403", exception.ErrorCode);
            Assert.Single(server.Requests);
        }

        // A proxy's garbled error page must still come out as the service error it stands for.
        [Fact]
        public async Task AnErrorBodyThatIsNotUtf8StillSurfacesAsAServiceError()
        {
            var garbled = Encoding.Latin1.GetBytes(
                "{\"__type\":\"ValidationException\",\"message\":\"caf\u00e9\"}");
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(400, garbled));
            using var client = ClientFor(server);

            var exception = await Record.ExceptionAsync(
                () => client.ListModelVersionsAsync(Query, CancellationToken.None));

            output.WriteLine(exception?.ToString());
            var serviceException = Assert.IsType<LookoutEquipmentServiceException>(exception);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, serviceException.StatusCode);
            Assert.NotNull(serviceException.ErrorCode);
        }

        // ListingFailure reports ResponseParseException as "InvalidResponse"; that only works
        // if the client hands it over as it was thrown, not inside the SDK's own wrapper. The
        // SDK takes an unreadable answer for a cut-off one and tries again, as for a 5xx.
        [Fact]
        public async Task AnAnswerThatIsNotAPageIsAResponseParseException()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(
                200, "{\"ModelVersionSummaries\":[{\"ModelVersion\":1.5}]}"));
            using var client = ClientFor(server);

            var exception = await Record.ExceptionAsync(
                () => client.ListModelVersionsAsync(Query, CancellationToken.None));

            output.WriteLine(exception?.GetType() + " / " + exception?.InnerException?.GetType());
            Assert.Equal(3, server.Requests.Count);
            var parseException = Assert.IsType<ResponseParseException>(exception);
            Assert.Contains("ModelVersionSummaries[0].ModelVersion", parseException.Message);
        }

        [Fact]
        public async Task CancellingWhileTheServerIsSlowEndsTheCallQuickly()
        {
            using var server = new LoopbackHttpServer(async (_, _, serverStopping) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), serverStopping);
                return new CannedResponse(200, OnePage);
            });
            using var client = ClientFor(server);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            var stopwatch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => client.ListModelVersionsAsync(Query, cancellation.Token));
            stopwatch.Stop();

            output.WriteLine($"Cancelled after {stopwatch.ElapsedMilliseconds} ms.");
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2),
                $"The call took {stopwatch.ElapsedMilliseconds} ms to notice the cancellation.");
            Assert.Single(server.Requests);
        }

        // The guard catches the SDK clearing the service URL when a region is set after it.
        // A proxy on the loopback server stands behind the guard: were the guard ever to let
        // the request through, it would still reach only this machine.
        [Fact]
        public async Task AClearedServiceUrlIsRefusedBeforeAnythingIsSent()
        {
            using var server = new LoopbackHttpServer((_, _) => new CannedResponse(200, OnePage));
            var config = new LookoutEquipmentConfig();
            config.ServiceURL = server.Url.AbsoluteUri;
            config.RegionEndpoint = RegionEndpoint.USEast1;
            config.RequiredEndpoint = server.Url;
            config.ProxyHost = "127.0.0.1";
            config.ProxyPort = server.Url.Port;
            using var client = new LookoutEquipmentClient(
                new BasicAWSCredentials("AKIDEXAMPLE", "secret"), config);

            var exception = await Assert.ThrowsAsync<EndpointMismatchException>(
                () => client.ListModelVersionsAsync(Query, CancellationToken.None));

            Assert.Equal(server.Url, exception.ExpectedEndpoint);
            Assert.Equal("lookoutequipment.us-east-1.amazonaws.com", exception.ActualEndpoint.Host);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task PagesAreFetchedOneAfterAnotherWithTheTokenGiven()
        {
            using var server = new LoopbackHttpServer((request, _) =>
            {
                using var body = JsonDocument.Parse(request.Body);
                var hasToken = body.RootElement.TryGetProperty("NextToken", out var token);
                return new CannedResponse(200, hasToken && token.GetString() == "page-2"
                    ? "{\"ModelVersionSummaries\":[{\"ModelVersion\":1}]}"
                    : OnePage);
            });
            using var client = ClientFor(server);

            var first = await client.ListModelVersionsAsync(
                new ListModelVersionsQuery { ModelName = "pump-7" }, CancellationToken.None);
            var second = await client.ListModelVersionsAsync(
                new ListModelVersionsQuery { ModelName = "pump-7" }.WithNextToken(first.NextToken),
                CancellationToken.None);

            Assert.Null(second.NextToken);
            Assert.Equal(1L, Assert.Single(second.Summaries).ModelVersion);
            Assert.Equal(2, server.Requests.Count);
        }
    }
}
