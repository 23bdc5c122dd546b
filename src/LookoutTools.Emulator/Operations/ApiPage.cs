using System.Text.Json;

namespace LookoutTools.Emulator.Operations;

/// <summary>
/// One page of a List operation's answer. Fault injection asks for altered shapes of the
/// same page, so the page writes itself given a <see cref="PageShape"/>.
/// </summary>
internal abstract class ApiPage(string? nextToken, Func<string> restartToken)
{
    public string? NextToken { get; } = nextToken;

    /// <summary>The items member: ModelVersionSummaries or ModelSummaries.</summary>
    protected abstract JsonEncodedText ItemsName { get; }

    /// <summary>How many items the page would carry; sizes the output buffer.</summary>
    public abstract int ItemCount { get; }

    public void Write(Utf8JsonWriter writer, PageShape shape)
    {
        writer.WriteStartObject();

        // A replayed token is the one that starts this same page again, which is exactly the
        // token the request carried (tokens are deterministic for a binding and position).
        var token = shape.ReplayToken ? restartToken() : NextToken;
        if (token is not null)
        {
            writer.WriteString(JsonNames.NextToken, token);
        }

        if (shape.ExtraFields)
        {
            WriteExtraTopLevelMembers(writer);
        }

        writer.WriteStartArray(ItemsName);
        if (!shape.DropItems)
        {
            WriteItems(writer, shape);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    protected abstract void WriteItems(Utf8JsonWriter writer, PageShape shape);

    protected static void WriteOptional(
        Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Members a newer service might add: clients must skip them, nested or not.</summary>
    protected static void WriteExtraItemMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("EmulatorComment", "an unexpected member");
        writer.WriteStartArray("Tags");
        writer.WriteStartObject();
        writer.WriteString("Key", "site");
        writer.WriteString("Value", "plant-4");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("RetrainingSchedule");
        writer.WriteString("Frequency", "P7D");
        writer.WriteStartObject("Nested");
        writer.WriteStartArray("Values");
        writer.WriteNumberValue(1);
        writer.WriteNumberValue(2.5);
        writer.WriteNullValue();
        writer.WriteBooleanValue(true);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteExtraTopLevelMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("EmulatorNotice", "unexpected top-level member");
        writer.WriteNumber("ApproximateTotal", 12345);
        writer.WriteStartObject("ResponseDetails");
        writer.WriteStartArray("Warnings");
        writer.WriteStringValue("none");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>How a page is to be written: as it is, or altered by an injected fault.</summary>
internal readonly record struct PageShape(
    bool DropItems = false,
    bool ReplayToken = false,
    bool UnknownEnums = false,
    bool MissingFields = false,
    bool ExtraFields = false)
{
    public static readonly PageShape Normal = new();
}

/// <summary>Member names, encoded once.</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText NextToken = JsonEncodedText.Encode("NextToken");
    public static readonly JsonEncodedText ModelName = JsonEncodedText.Encode("ModelName");
    public static readonly JsonEncodedText ModelArn = JsonEncodedText.Encode("ModelArn");
    public static readonly JsonEncodedText ModelVersion = JsonEncodedText.Encode("ModelVersion");
    public static readonly JsonEncodedText ModelVersionArn =
        JsonEncodedText.Encode("ModelVersionArn");
    public static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("CreatedAt");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("Status");
    public static readonly JsonEncodedText SourceType = JsonEncodedText.Encode("SourceType");
    public static readonly JsonEncodedText ModelQuality = JsonEncodedText.Encode("ModelQuality");
    public static readonly JsonEncodedText DatasetName = JsonEncodedText.Encode("DatasetName");
    public static readonly JsonEncodedText DatasetArn = JsonEncodedText.Encode("DatasetArn");
    public static readonly JsonEncodedText ActiveModelVersion =
        JsonEncodedText.Encode("ActiveModelVersion");
    public static readonly JsonEncodedText ActiveModelVersionArn =
        JsonEncodedText.Encode("ActiveModelVersionArn");
    public static readonly JsonEncodedText ModelVersionSummaries =
        JsonEncodedText.Encode("ModelVersionSummaries");
    public static readonly JsonEncodedText ModelSummaries =
        JsonEncodedText.Encode("ModelSummaries");

    /// <summary>Epoch seconds with the millisecond fraction, the API's timestamp form.</summary>
    public static void WriteEpochSeconds(
        Utf8JsonWriter writer, JsonEncodedText name, long milliseconds) =>
        writer.WriteNumber(name, milliseconds / 1000m);

    public const string UnknownStatus = "ARCHIVED";
    public const string UnknownQuality = "QUALITY_UNKNOWN";
}
