namespace LookoutTools.Emulator.Data;

/// <summary>
/// The enumeration values of the Lookout for Equipment API (2020-12-15) that the emulator
/// serves. Values are kept as interned strings so filters compare references, not text.
/// </summary>
internal static class ServiceEnums
{
    public static readonly string[] ModelVersionStatuses =
        ["IN_PROGRESS", "SUCCESS", "FAILED", "IMPORT_IN_PROGRESS", "CANCELED"];

    public static readonly string[] ModelStatuses =
        ["IN_PROGRESS", "SUCCESS", "FAILED", "IMPORT_IN_PROGRESS"];

    public static readonly string[] SourceTypes = ["TRAINING", "RETRAINING", "IMPORT"];

    public static readonly string[] ModelQualities =
        ["QUALITY_THRESHOLD_MET", "CANNOT_DETERMINE_QUALITY", "POOR_QUALITY_DETECTED"];

    public const string InProgress = "IN_PROGRESS";
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string ImportInProgress = "IMPORT_IN_PROGRESS";
    public const string Canceled = "CANCELED";

    public const string Training = "TRAINING";
    public const string Retraining = "RETRAINING";
    public const string Import = "IMPORT";

    public const string QualityThresholdMet = "QUALITY_THRESHOLD_MET";
    public const string CannotDetermineQuality = "CANNOT_DETERMINE_QUALITY";
    public const string PoorQualityDetected = "POOR_QUALITY_DETECTED";

    /// <summary>The shared instance of <paramref name="value"/>, or null if unknown.</summary>
    public static string? Canonical(string[] allowed, string value)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string Describe(string[] allowed) => "[" + string.Join(", ", allowed) + "]";
}
