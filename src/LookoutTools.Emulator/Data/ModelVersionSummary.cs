namespace LookoutTools.Emulator.Data;

/// <summary>
/// One model version as the service describes it. Every member but the name and the number
/// is optional in the API, so loaded data may leave them out.
/// </summary>
internal sealed class ModelVersionSummary
{
    public required string ModelName { get; init; }

    public required string ModelArn { get; init; }

    public required long ModelVersion { get; init; }

    public required string ModelVersionArn { get; init; }

    /// <summary>Milliseconds since the Unix epoch; the API sends seconds with a fraction.</summary>
    public long? CreatedAtMilliseconds { get; init; }

    public string? Status { get; init; }

    public string? SourceType { get; init; }

    public string? ModelQuality { get; init; }

    public ModelVersionFacts Facts =>
        new(ModelVersion, CreatedAtMilliseconds, Status, SourceType, ModelQuality);
}

/// <summary>
/// The members that filters look at. Filtering synthetic versions through this struct means
/// no ARN strings are built for versions that end up skipped.
/// </summary>
internal readonly record struct ModelVersionFacts(
    long ModelVersion,
    long? CreatedAtMilliseconds,
    string? Status,
    string? SourceType,
    string? ModelQuality);
