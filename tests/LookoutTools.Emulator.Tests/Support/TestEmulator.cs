using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Hosting;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>
/// An emulator started in-process on 127.0.0.1 for one test, with a client that uses no
/// proxy, so nothing a test sends can leave the machine.
/// </summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string TargetPrefix = "AWSLookoutEquipmentFrontendService.";

    private TestEmulator(EmulatorServer server)
    {
        Server = server;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public static string SampleDataFolder => Path.Combine(AppContext.BaseDirectory, "SampleData");

    public EmulatorServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>Starts an emulator over the shipped sample data unless told otherwise.</summary>
    public static async Task<TestEmulator> StartAsync(
        EmulatorSettings? settings = null, Action<ModelCatalogBuilder>? addData = null)
    {
        var builder = new ModelCatalogBuilder();
        if (addData is null)
        {
            DataFileLoader.LoadPath(SampleDataFolder, builder);
        }
        else
        {
            addData(builder);
        }

        var server = await EmulatorServer.StartAsync(
            settings ?? new EmulatorSettings(), builder.Build());
        return new TestEmulator(server);
    }

    public static HttpRequestMessage NewRequest(
        string operation, string body, string contentType = "application/x-amz-json-1.0")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        return request;
    }

    public Task<ApiResponse> ListModelVersionsAsync(string body) =>
        CallAsync("ListModelVersions", body);

    public Task<ApiResponse> ListModelsAsync(string body) => CallAsync("ListModels", body);

    public async Task<ApiResponse> CallAsync(string operation, string body)
    {
        using var request = NewRequest(operation, body);
        return await SendAsync(request);
    }

    /// <summary>Calls an operation with a request signed by the tests' own signer.</summary>
    public async Task<ApiResponse> CallSignedAsync(
        string operation, string body, TestSigV4Signer.Options signing)
    {
        using var request = NewRequest(operation, body);
        request.RequestUri = Server.BaseAddress;
        TestSigV4Signer.Sign(request, Encoding.UTF8.GetBytes(body), signing);
        return await SendAsync(request);
    }

    /// <summary>The request log's entries, oldest first.</summary>
    public async Task<JsonElement[]> ReadRequestLogAsync()
    {
        var text = await Http.GetStringAsync("/_emulator/requests");
        return JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(
            response.StatusCode, text, response.Headers,
            response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>Follows NextToken to the end; fails the test rather than loop forever.</summary>
    public async Task<List<ApiResponse>> ListAllPagesAsync(string operation, string filters)
    {
        var pages = new List<ApiResponse>();
        string? token = null;

        do
        {
            var tokenMember = token is null ? "" : $",\"NextToken\":\"{token}\"";
            var page = await CallAsync(operation, "{" + filters + tokenMember + "}");
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            pages.Add(page);
            token = page.NextToken;
            Assert.True(pages.Count < 1_000, "paging did not end");
        }
        while (token is not null);

        return pages;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
