using System.Diagnostics;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>
/// The emulator as a separate process, as scripts and the module's tests run it. It is always
/// given this test process as its parent, so a crashed test run cannot leave it behind.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string ReadyPrefix = "Lookout for Equipment emulator listening on ";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Task<string> _standardError;

    private EmulatorProcess(Process process)
    {
        _process = process;
        _standardError = process.StandardError.ReadToEndAsync();
    }

    public Process Process => _process;

    public static string EmulatorDll =>
        Path.Combine(AppContext.BaseDirectory, "LookoutTools.Emulator.dll");

    public static EmulatorProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EmulatorDll);
        start.ArgumentList.Add("--parent-pid");
        start.ArgumentList.Add(Environment.ProcessId.ToString());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new EmulatorProcess(Process.Start(start)!);
    }

    /// <summary>Reads stdout up to the ready line and returns the URL it names.</summary>
    public async Task<Uri> WaitUntilReadyAsync()
    {
        using var limit = new CancellationTokenSource(StartupLimit);
        while (await _process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
            {
                return new Uri(line[ReadyPrefix.Length..]);
            }
        }

        throw new InvalidOperationException(
            "The emulator ended without a ready line: " + await _standardError);
    }

    /// <summary>Waits for the process to end by itself; the exit code and stderr.</summary>
    public async Task<(int ExitCode, string StandardError)> WaitForExitAsync(int seconds = 20)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process.WaitForExitAsync(limit.Token);
        return (_process.ExitCode, await _standardError);
    }

    public async Task<string> ReadAllStandardOutputAsync() =>
        await _process.StandardOutput.ReadToEndAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
