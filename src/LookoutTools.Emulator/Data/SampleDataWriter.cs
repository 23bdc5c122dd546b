using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LookoutTools.Emulator.Data;

/// <summary>
/// Writes the sample data shipped in SampleData/ (hidden option --write-sample-data DIR).
/// Kept in the code so the committed files can be remade and reviewed; the output is the
/// same on every run.
/// </summary>
internal static class SampleDataWriter
{
    private static readonly SampleModel[] Models =
    [
        // The long one: more than 200 versions so that paging shows with default sizes.
        new("pump-7", 240, Day(2023, 1, 16), Day(2026, 6, 1),
            Labelled: true, PoorShare: 18, Newest: ServiceEnums.InProgress),
        // Stored with epoch-number times, the shape the SDKs' JSON carries.
        new("compressor-a12", 85, Day(2023, 3, 6), Day(2026, 3, 20),
            Labelled: true, PoorShare: 12, Newest: ServiceEnums.Success, EpochTimes: true),
        // Trained without labels, so its quality can never be assessed.
        new("turbine_north-3", 130, Day(2023, 2, 13), Day(2026, 5, 4),
            Labelled: false, PoorShare: 0, Newest: ServiceEnums.Failed),
        // Imported from another account, and being imported again right now.
        new("conveyor-belt-9", 48, Day(2023, 6, 19), Day(2026, 4, 27),
            Labelled: true, PoorShare: 20, Newest: ServiceEnums.ImportInProgress,
            FirstSource: ServiceEnums.Import),
        // Noisy sensors: poor quality is common here.
        new("chiller_B2", 64, Day(2023, 9, 4), Day(2026, 2, 9),
            Labelled: true, PoorShare: 45, Newest: ServiceEnums.Success),
        new("fan-x1", 9, Day(2024, 2, 12), Day(2025, 11, 3),
            Labelled: true, PoorShare: 30, Newest: ServiceEnums.Canceled),
        // Never trained successfully: ListModels shows it FAILED with no active version.
        new("mixer_east-5", 3, Day(2025, 10, 6), Day(2025, 10, 20),
            Labelled: true, PoorShare: 0, Newest: ServiceEnums.Failed, NeverSucceeds: true),
    ];

    public static void Write(string folder, TextWriter report)
    {
        Directory.CreateDirectory(folder);
        report.WriteLine("| model | versions | POOR_QUALITY_DETECTED | statuses | source types |");
        report.WriteLine("| --- | --- | --- | --- | --- |");

        foreach (var model in Models)
        {
            var versions = Generate(model);
            WriteFile(Path.Combine(folder, model.Name + ".json"), versions, model.EpochTimes);
            report.WriteLine(Describe(model.Name, versions));
        }
    }

    private static List<ModelVersionSummary> Generate(SampleModel model)
    {
        var random = new SplitMixRandom(DeterministicHash.OfText("sample/" + model.Name));
        var modelArn = ResourceNames.ModelArn(model.Name);
        var spacing = (model.Last - model.First) / Math.Max(model.Count - 1, 1);
        var versions = new List<ModelVersionSummary>(model.Count);

        // Newest first, as the service lists them and as the CLI saves them.
        for (long version = model.Count; version >= 1; version--)
        {
            var isNewest = version == model.Count;
            var jitter = random.Next(spacing / 3) - (spacing / 6);
            var createdAt = model.First + ((version - 1) * spacing) + (version > 1 ? jitter : 0);
            var source = PickSource(model, version, isNewest, random);
            var status = isNewest ? model.Newest : PickStatus(model, random);
            var quality = PickQuality(model, status, random);

            versions.Add(new ModelVersionSummary
            {
                ModelName = model.Name,
                ModelArn = modelArn,
                ModelVersion = version,
                ModelVersionArn = ResourceNames.ModelVersionArn(modelArn, version),
                CreatedAtMilliseconds = createdAt,
                Status = status,
                SourceType = source,
                ModelQuality = quality,
            });
        }

        return versions;
    }

    private static string PickSource(
        SampleModel model, long version, bool isNewest, SplitMixRandom random)
    {
        if (version == 1)
        {
            return model.FirstSource;
        }

        if (isNewest && model.Newest == ServiceEnums.ImportInProgress)
        {
            return ServiceEnums.Import;
        }

        return random.Next(100) switch
        {
            < 86 => ServiceEnums.Retraining,
            < 97 => ServiceEnums.Training,
            _ => ServiceEnums.Import,
        };
    }

    private static string PickStatus(SampleModel model, SplitMixRandom random)
    {
        var roll = random.Next(100);
        if (model.NeverSucceeds)
        {
            return roll < 60 ? ServiceEnums.Failed : ServiceEnums.Canceled;
        }

        return roll switch
        {
            < 82 => ServiceEnums.Success,
            < 94 => ServiceEnums.Failed,
            _ => ServiceEnums.Canceled,
        };
    }

    private static string PickQuality(SampleModel model, string status, SplitMixRandom random)
    {
        // Draw even when unused so one model's choices do not shift the next version's.
        var roll = random.Next(100);
        if (status != ServiceEnums.Success || !model.Labelled)
        {
            return ServiceEnums.CannotDetermineQuality;
        }

        return roll < model.PoorShare
            ? ServiceEnums.PoorQualityDetected
            : ServiceEnums.QualityThresholdMet;
    }

    private static void WriteFile(
        string file, List<ModelVersionSummary> versions, bool epochTimes)
    {
        using var stream = File.Create(file);
        using var writer = new Utf8JsonWriter(
            stream,
            new JsonWriterOptions
            {
                Indented = true,
                IndentSize = 4,
                NewLine = "\n",
                // Keep '+' in "+00:00" readable, as the CLI writes it.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });

        writer.WriteStartObject();
        writer.WriteStartArray("ModelVersionSummaries");
        foreach (var version in versions)
        {
            writer.WriteStartObject();
            writer.WriteString("ModelName", version.ModelName);
            writer.WriteString("ModelArn", version.ModelArn);
            writer.WriteNumber("ModelVersion", version.ModelVersion);
            writer.WriteString("ModelVersionArn", version.ModelVersionArn);
            WriteCreatedAt(writer, version.CreatedAtMilliseconds!.Value, epochTimes);
            writer.WriteString("Status", version.Status);
            writer.WriteString("SourceType", version.SourceType);
            writer.WriteString("ModelQuality", version.ModelQuality);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteCreatedAt(Utf8JsonWriter writer, long milliseconds, bool epoch)
    {
        if (epoch)
        {
            writer.WriteNumber("CreatedAt", milliseconds / 1000m);
            return;
        }

        // The CLI prints times like this, with microseconds and an explicit offset.
        var time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        writer.WriteString("CreatedAt", time.ToString(
            "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
    }

    private static string Describe(string name, List<ModelVersionSummary> versions)
    {
        static string Counts(IEnumerable<string?> values) => string.Join(", ", values
            .GroupBy(value => value)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"{group.Key} {group.Count()}"));

        var poor = versions.Count(version =>
            version.ModelQuality == ServiceEnums.PoorQualityDetected);

        return $"| {name} | {versions.Count} | {poor} | " +
            $"{Counts(versions.Select(version => version.Status))} | " +
            $"{Counts(versions.Select(version => version.SourceType))} |";
    }

    private static long Day(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 9, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private sealed record SampleModel(
        string Name,
        int Count,
        long First,
        long Last,
        bool Labelled,
        int PoorShare,
        string Newest,
        bool EpochTimes = false,
        string FirstSource = ServiceEnums.Training,
        bool NeverSucceeds = false);

    /// <summary>A tiny seeded generator whose output no .NET update can change.</summary>
    private sealed class SplitMixRandom(ulong seed)
    {
        private ulong _state = seed;

        public long Next(long exclusiveBound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            return (long)(DeterministicHash.Mix(_state) % (ulong)Math.Max(exclusiveBound, 1));
        }
    }
}
