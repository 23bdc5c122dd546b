using System.Net;
using System.Text;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed class ConcurrencyTests
{
    private const int Clients = 8;
    private const int RequestsPerClient = 40;

    [Fact]
    public async Task Concurrent_clients_get_whole_pages_and_a_once_only_fault_fires_once()
    {
        await using var emulator = await TestEmulator.StartAsync(
            addData: builder => builder.AddSynthetic("load-model", 100_000));
        using var rules = new StringContent(
            "[{\"Kind\":\"http429\",\"OnRequest\":57}]", Encoding.UTF8, "application/json");
        await emulator.Http.PostAsync("/_emulator/faults", rules);

        var statuses = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var seen = new List<HttpStatusCode>();
            for (var request = 0; request < RequestsPerClient; request++)
            {
                var page = await emulator.ListModelVersionsAsync(
                    $"{{\"ModelName\":\"load-model\",\"MaxResults\":500," +
                    $"\"MaxModelVersion\":{100_000 - (client * 1000)}}}");
                seen.Add(page.Status);
                if (page.Status == HttpStatusCode.OK)
                {
                    Assert.Equal(500, page.Versions().Length);
                    Assert.Equal(100_000L - (client * 1000), page.Versions()[0]);
                }
            }

            return seen;
        }));

        var all = statuses.SelectMany(seen => seen).ToArray();
        Assert.Equal(Clients * RequestsPerClient, all.Length);
        Assert.Single(all, status => status == (HttpStatusCode)429);
        var log = await emulator.Http.GetStringAsync("/_emulator/requests");
        Assert.Equal(Clients * RequestsPerClient,
            System.Text.Json.JsonDocument.Parse(log).RootElement.GetArrayLength());
    }
}
