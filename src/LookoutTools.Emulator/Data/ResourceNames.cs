namespace LookoutTools.Emulator.Data;

/// <summary>Builds and takes apart the ARNs the emulator hands out.</summary>
internal static class ResourceNames
{
    public const string DefaultRegion = "us-east-1";
    public const string DefaultAccount = "123456789012";

    public static string ModelArn(string modelName) =>
        $"arn:aws:lookoutequipment:{DefaultRegion}:{DefaultAccount}:model/{modelName}/"
        + DeterministicHash.UuidOf("model/" + modelName);

    public static string ModelVersionArn(string modelArn, long modelVersion) =>
        modelArn + "/model-version/" + modelVersion.ToString(
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A dataset ARN in the same partition, region and account as the model's.</summary>
    public static string DatasetArn(string modelArn, string datasetName)
    {
        var parts = modelArn.Split(':');
        var partition = parts.Length > 5 ? parts[1] : "aws";
        var region = parts.Length > 5 ? parts[3] : DefaultRegion;
        var account = parts.Length > 5 ? parts[4] : DefaultAccount;

        return $"arn:{partition}:lookoutequipment:{region}:{account}:dataset/{datasetName}/"
            + DeterministicHash.UuidOf("dataset/" + datasetName);
    }
}
