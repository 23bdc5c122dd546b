namespace LookoutTools.Emulator.Data;

/// <summary>
/// Versions made up on demand from their number, so a model with a million versions costs a
/// few bytes until a page of them is asked for. The same model name and count always give
/// the same versions.
/// </summary>
internal sealed class SyntheticVersionBlock
{
    private static readonly long FirstCreatedAt =
        new DateTimeOffset(2023, 1, 2, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly long LastCreatedAt =
        new DateTimeOffset(2026, 9, 30, 18, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly string _modelName;
    private readonly string _modelArn;
    private readonly ulong _seed;
    private readonly long _firstCreatedAt;
    private readonly long _spacingMilliseconds;

    /// <param name="versionsBelow">
    /// The highest version already loaded for the model; synthetic versions continue above it.
    /// </param>
    /// <param name="createdAfter">The newest loaded creation time, or null if none.</param>
    public SyntheticVersionBlock(
        string modelName, string modelArn, int count, long versionsBelow, long? createdAfter)
    {
        _modelName = modelName;
        _modelArn = modelArn;
        _seed = DeterministicHash.OfText("synthetic/" + modelName);
        Count = count;
        LowestVersion = versionsBelow + 1;

        // Spread the versions over 2023-2026 but never closer than a second apart, so
        // creation times stay strictly increasing with the version number.
        _firstCreatedAt = createdAfter is { } after ? after + 60_000 : FirstCreatedAt;
        var span = Math.Max(LastCreatedAt - _firstCreatedAt, 0);
        _spacingMilliseconds = Math.Max(1_000, span / Math.Max(count, 1));
    }

    public int Count { get; }

    public long LowestVersion { get; }

    public long HighestVersion => LowestVersion + Count - 1;

    public ModelVersionFacts FactsOf(long modelVersion)
    {
        var hash = DeterministicHash.Combine(_seed, modelVersion);
        var isNewest = modelVersion == HighestVersion;

        // Jitter below half the spacing keeps the order of creation times intact.
        var jitter = (long)(hash % (ulong)Math.Max(_spacingMilliseconds / 2, 1));
        var createdAt = _firstCreatedAt
            + (modelVersion - LowestVersion) * _spacingMilliseconds + jitter;

        var sourceType = PickSourceType(modelVersion, (int)((hash >> 20) % 100));
        var status = PickStatus(isNewest, sourceType, (int)((hash >> 32) % 100));
        var quality = PickQuality(status, (int)((hash >> 44) % 100));

        return new ModelVersionFacts(modelVersion, createdAt, status, sourceType, quality);
    }

    public ModelVersionSummary SummaryOf(long modelVersion)
    {
        var facts = FactsOf(modelVersion);

        return new ModelVersionSummary
        {
            ModelName = _modelName,
            ModelArn = _modelArn,
            ModelVersion = modelVersion,
            ModelVersionArn = ResourceNames.ModelVersionArn(_modelArn, modelVersion),
            CreatedAtMilliseconds = facts.CreatedAtMilliseconds,
            Status = facts.Status,
            SourceType = facts.SourceType,
            ModelQuality = facts.ModelQuality,
        };
    }

    private static string PickSourceType(long modelVersion, int roll)
    {
        if (modelVersion == 1)
        {
            return ServiceEnums.Training;
        }

        return roll switch
        {
            < 80 => ServiceEnums.Retraining,
            < 94 => ServiceEnums.Training,
            _ => ServiceEnums.Import,
        };
    }

    private static string PickStatus(bool isNewest, string sourceType, int roll)
    {
        // Only the newest version can still be running: older ones have finished one way
        // or another, as on the real service.
        if (isNewest && roll < 30)
        {
            return sourceType == ServiceEnums.Import
                ? ServiceEnums.ImportInProgress
                : ServiceEnums.InProgress;
        }

        return roll switch
        {
            < 84 => ServiceEnums.Success,
            < 95 => ServiceEnums.Failed,
            _ => ServiceEnums.Canceled,
        };
    }

    private static string PickQuality(string status, int roll)
    {
        if (status != ServiceEnums.Success)
        {
            return ServiceEnums.CannotDetermineQuality;
        }

        return roll switch
        {
            < 72 => ServiceEnums.QualityThresholdMet,
            < 88 => ServiceEnums.PoorQualityDetected,
            _ => ServiceEnums.CannotDetermineQuality,
        };
    }
}
