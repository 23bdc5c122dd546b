namespace LookoutTools.Emulator.Data;

/// <summary>
/// What ListModels says about a model. The emulator's data holds only versions, so these
/// members are derived from them; the README's "ListModels" section states the rules.
/// </summary>
internal sealed class ModelOverview
{
    public required string ModelName { get; init; }

    public required string ModelArn { get; init; }

    public required string DatasetName { get; init; }

    public required string DatasetArn { get; init; }

    public string? Status { get; init; }

    public long? CreatedAtMilliseconds { get; init; }

    public long? ActiveModelVersion { get; init; }

    public string? ActiveModelVersionArn { get; init; }

    public string? ModelQuality { get; init; }

    public static ModelOverview Derive(ModelVersionSequence versions)
    {
        var datasetName = versions.ModelName + "-sensor-data";
        var active = FindNewestSuccessful(versions);
        var newest = versions.Count > 0 ? versions.SummaryAt(0) : null;
        var oldest = versions.Count > 0 ? versions.SummaryAt(versions.Count - 1) : null;

        return new ModelOverview
        {
            ModelName = versions.ModelName,
            ModelArn = versions.ModelArn,
            DatasetName = datasetName,
            DatasetArn = ResourceNames.DatasetArn(versions.ModelArn, datasetName),
            Status = active is not null ? ServiceEnums.Success : ModelStatusOf(newest?.Status),
            CreatedAtMilliseconds = oldest?.CreatedAtMilliseconds,
            ActiveModelVersion = active?.ModelVersion,
            ActiveModelVersionArn = active?.ModelVersionArn,
            ModelQuality = (active ?? newest)?.ModelQuality,
        };
    }

    private static ModelVersionSummary? FindNewestSuccessful(ModelVersionSequence versions)
    {
        for (var index = 0; index < versions.Count; index++)
        {
            if (ReferenceEquals(versions.FactsAt(index).Status, ServiceEnums.Success))
            {
                return versions.SummaryAt(index);
            }
        }

        return null;
    }

    /// <summary>Models have no CANCELED state: a cancelled last run leaves it FAILED.</summary>
    private static string? ModelStatusOf(string? versionStatus) =>
        versionStatus == ServiceEnums.Canceled ? ServiceEnums.Failed : versionStatus;
}
