using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LookoutTools.Emulator.Hosting;

/// <summary>
/// Everything that tells the standalone emulator to stop: SIGTERM, Ctrl+C, standard input
/// closing, or the parent process ending. So a test run that dies never leaks a server.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<IDisposable> _registrations = [];

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Why the emulator stopped, for the message on stderr.</summary>
    public string Reason { get; private set; } = "";

    public void WatchSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Cancel the default termination: stop Kestrel cleanly instead.
                context.Cancel = true;
                Stop($"received {context.Signal}");
            }));
        }
    }

    public void WatchStandardInput()
    {
        if (HasNoRealStandardInput())
        {
            return;
        }

        var reader = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (input.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
                // A broken stdin is a closed one.
            }

            Stop("standard input closed");
        })
        {
            IsBackground = true,
            Name = "stdin watcher",
        };
        reader.Start();
    }

    /// <summary>False when the process is already gone.</summary>
    public bool WatchParent(int processId)
    {
        if (!IsRunning(processId))
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(ParentPollInterval);
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                if (!IsRunning(processId))
                {
                    Stop($"parent process {processId} ended");
                    return;
                }
            }
        }).ContinueWith(_ => { }, TaskScheduler.Default);

        return true;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Stop(string reason)
    {
        lock (_registrations)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            Reason = reason;
            _stop.Cancel();
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A background job's stdin is often /dev/null, or no file at all, and either reads as
    /// closed at once; that is not a parent hanging up, so it is not watched.
    /// </summary>
    private static bool HasNoRealStandardInput()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var target = new FileInfo("/proc/self/fd/0").LinkTarget;
        return target is null or "/dev/null";
    }
}
