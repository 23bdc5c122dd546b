using System.Reflection;
using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Hosting;

namespace LookoutTools.Emulator;

internal static class Program
{
    private const int ExitStopped = 0;
    private const int ExitCannotServe = 1;
    private const int ExitBadInput = 2;

    public static async Task<int> Main(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (UsageException error)
        {
            await Console.Error.WriteLineAsync(
                $"error: {error.Message} Run with --help for usage.");
            return ExitBadInput;
        }

        if (commandLine.ShowHelp)
        {
            Console.Out.Write(CommandLine.Usage);
            return ExitStopped;
        }

        if (commandLine.ShowVersion)
        {
            Console.Out.WriteLine(VersionText());
            return ExitStopped;
        }

        if (commandLine.WriteSampleDataTo is { } folder)
        {
            SampleDataWriter.Write(folder, Console.Out);
            return ExitStopped;
        }

        ModelCatalog catalog;
        try
        {
            catalog = LoadCatalog(commandLine);
        }
        catch (DataLoadException error)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
            return ExitBadInput;
        }

        return await ServeAsync(commandLine, catalog);
    }

    private static async Task<int> ServeAsync(CommandLine commandLine, ModelCatalog catalog)
    {
        using var signals = new ShutdownSignals();
        signals.WatchSignals();
        if (commandLine.ParentProcessId is { } parent && !signals.WatchParent(parent))
        {
            await Console.Error.WriteLineAsync($"error: parent process {parent} is not running.");
            return ExitBadInput;
        }

        var settings = new EmulatorSettings
        {
            Port = commandLine.Port,
            DefaultPageSize = commandLine.DefaultPageSize,
            Credentials = commandLine.Credentials,
            LogWarningsToStandardError = true,
        };

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(settings, catalog, signals.Stopping);
        }
        catch (IOException error)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen: {error.Message}");
            return ExitCannotServe;
        }

        await using (server)
        {
            await Console.Error.WriteLineAsync(
                $"Serving {catalog.TotalVersions} model versions of " +
                $"{catalog.ModelsByName.Count} models.");
            Console.Out.WriteLine(
                CommandLine.ReadyLinePrefix + server.BaseAddress.ToString().TrimEnd('/'));
            Console.Out.Flush();

            // Watch stdin only now: a caller may close it as soon as it has read the line.
            if (commandLine.WatchStandardInput)
            {
                signals.WatchStandardInput();
            }

            try
            {
                await Task.Delay(Timeout.Infinite, signals.Stopping);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"Stopping: {signals.Reason}.");
            }
        }

        return ExitStopped;
    }

    private static ModelCatalog LoadCatalog(CommandLine commandLine)
    {
        var builder = new ModelCatalogBuilder();
        var paths = commandLine.DataPaths.ToList();
        if (paths.Count == 0 && commandLine.UseSampleData)
        {
            paths.Add(Path.Combine(AppContext.BaseDirectory, "SampleData"));
        }

        foreach (var path in paths)
        {
            DataFileLoader.LoadPath(path, builder);
        }

        foreach (var (modelName, count) in commandLine.Generated)
        {
            builder.AddSynthetic(modelName, count);
        }

        return builder.Build();
    }

    private static string VersionText()
    {
        var assembly = typeof(Program).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return "LookoutTools.Emulator " + version.Split('+')[0];
    }
}
