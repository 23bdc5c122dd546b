using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using LookoutTools.Emulator.Tests.Support;

namespace LookoutTools.Emulator.Tests;

public sealed partial class CommandLineProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-cli-").FullName;

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Help_documents_the_options_and_exits_zero()
    {
        await using var emulator = EmulatorProcess.Start("--help");

        var output = await emulator.ReadAllStandardOutputAsync();
        var (exitCode, _) = await emulator.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        foreach (var option in new[]
        {
            "--port", "--data", "--generate MODEL=COUNT", "--default-page-size", "--access-key",
            "--secret-key", "--session-token", "--credential AK:SK[:TOKEN]", "--parent-pid",
            EmulatorProcess.ReadyPrefix, "newest first", "inclusive", "AssumeRole",
            "AWS_ENDPOINT_URL_STS", "/_emulator/credentials",
        })
        {
            Assert.Contains(option, output);
        }
    }

    [Fact]
    public async Task It_serves_on_loopback_and_stops_when_stdin_closes()
    {
        await using var emulator = EmulatorProcess.Start("--generate", "bench=1000000");

        var address = await emulator.WaitUntilReadyAsync();
        var health = await _http.GetStringAsync(new Uri(address, "/_emulator/health"));
        emulator.Process.StandardInput.Close();
        var (exitCode, standardError) = await emulator.WaitForExitAsync();

        Assert.Equal("127.0.0.1", address.Host);
        Assert.Contains("\"ModelVersions\":1000579", health);
        Assert.Equal(0, exitCode);
        Assert.Contains("standard input closed", standardError);
    }

    [Fact]
    public async Task Stdout_carries_only_the_ready_line()
    {
        await using var emulator = EmulatorProcess.Start();
        var address = await emulator.WaitUntilReadyAsync();
        await _http.GetStringAsync(new Uri(address, "/_emulator/health"));

        emulator.Process.StandardInput.Close();
        var rest = await emulator.ReadAllStandardOutputAsync();
        await emulator.WaitForExitAsync();

        Assert.Equal("", rest);
    }

    [Fact]
    public async Task It_stops_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has no SIGTERM; Ctrl+C there is covered by the same handler.
        }

        await using var emulator = EmulatorProcess.Start();
        await emulator.WaitUntilReadyAsync();

        using var kill = Process.Start("kill", ["-TERM", emulator.Process.Id.ToString()]);
        await kill.WaitForExitAsync();
        var (exitCode, standardError) = await emulator.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("SIGTERM", standardError);
    }

    [Fact]
    public async Task It_stops_when_the_parent_process_ends()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // The stand-in parent below is the POSIX sleep command.
        }

        using var parent = Process.Start(new ProcessStartInfo("sleep", "30")
        {
            UseShellExecute = false,
        })!;
        await using var emulator = EmulatorProcess.Start(
            "--parent-pid", parent.Id.ToString(), "--ignore-stdin");
        await emulator.WaitUntilReadyAsync();

        parent.Kill();
        await parent.WaitForExitAsync();
        var (exitCode, standardError) = await emulator.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains($"parent process {parent.Id} ended", standardError);
    }

    [Fact]
    public async Task A_bad_data_file_stops_startup_with_exit_code_2()
    {
        var file = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(file, "{\"ModelVersionSummaries\":[{\"ModelVersion\":1}]}");
        await using var emulator = EmulatorProcess.Start("--data", file);

        var (exitCode, standardError) = await emulator.WaitForExitAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains(file, standardError);
        Assert.Contains("ModelName is missing", standardError);
    }

    [Theory]
    [InlineData("--host", "0.0.0.0")]
    [InlineData("--port", "70000")]
    [InlineData("--generate", "pump-7")]
    [InlineData("--access-key", "AKIAONLY")]
    [InlineData("--frobnicate", "1")]
    public async Task Bad_command_lines_exit_with_code_2(string option, string value)
    {
        await using var emulator = EmulatorProcess.Start(option, value);

        var (exitCode, standardError) = await emulator.WaitForExitAsync();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", standardError);
    }

    [Fact]
    public async Task Signed_mode_refuses_unsigned_requests()
    {
        await using var emulator = EmulatorProcess.Start(
            "--access-key", "AKIAPROCESS", "--secret-key", "secret");
        var address = await emulator.WaitUntilReadyAsync();
        using var request = TestEmulator.NewRequest("ListModels", "{}");
        request.RequestUri = address;

        using var answer = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
    }

    [Fact]
    public async Task Every_credential_given_on_the_command_line_is_accepted()
    {
        await using var emulator = EmulatorProcess.Start(
            "--access-key", "AKIAPROCESSFIRST", "--secret-key", "first",
            "--credential", "AKIAPROCESSSECOND:second",
            "--credential", "ASIAPROCESSTHIRD:third:token-3");
        var address = await emulator.WaitUntilReadyAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var signer in new TestSigV4Signer.Options[]
        {
            new("AKIAPROCESSFIRST", "first"),
            new("AKIAPROCESSSECOND", "second"),
            new("ASIAPROCESSTHIRD", "third", SessionToken: "token-3"),
            new("ASIAPROCESSTHIRD", "third"),
        })
        {
            using var request = TestEmulator.NewRequest("ListModels", "{}");
            request.RequestUri = address;
            TestSigV4Signer.Sign(request, "{}"u8.ToArray(), signer);
            using var answer = await _http.SendAsync(request);
            statuses.Add(answer.StatusCode);
        }

        var keys = await _http.GetStringAsync(new Uri(address, "/_emulator/credentials"));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden],
            statuses);
        Assert.Contains("AKIAPROCESSSECOND", keys);
        Assert.DoesNotContain("token-3", keys);
    }

    [Fact]
    public async Task The_version_is_the_module_manifest_version()
    {
        var manifest = await File.ReadAllTextAsync(FindManifest());
        var expected = ManifestVersion().Match(manifest).Groups[1].Value;
        await using var emulator = EmulatorProcess.Start("--version");

        var output = await emulator.ReadAllStandardOutputAsync();

        Assert.Equal($"LookoutTools.Emulator {expected}", output.Trim());
    }

    [GeneratedRegex(@"ModuleVersion\s*=\s*'([0-9.]+)'")]
    private static partial Regex ManifestVersion();

    private static string FindManifest()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory);
             folder is not null;
             folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "LookoutTools.psd1");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("LookoutTools.psd1 is not above the test folder.");
    }
}
