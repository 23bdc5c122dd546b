using System.Text.Json;

namespace LookoutTools.Emulator.Protocol;

/// <summary>
/// Typed access to the members of a JSON request body. A member of the wrong JSON type is a
/// SerializationException, as on AWS; a null member counts as absent.
/// </summary>
internal readonly struct RequestFields(JsonElement root)
{
    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Mismatch(name, value, "a String");
    }

    /// <summary>A whole number; range checks come later, in validation.</summary>
    public long? Integer(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Mismatch(name, value, "an Integer");
    }

    /// <summary>A timestamp: epoch seconds, fractions allowed.</summary>
    public decimal? EpochSeconds(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var seconds)
            ? seconds
            : throw Mismatch(name, value, "a Timestamp (epoch seconds)");
    }

    private bool TryGet(string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static ServiceErrorException Mismatch(string name, JsonElement value, string type)
    {
        var kind = value.ValueKind switch
        {
            JsonValueKind.String => "STRING_VALUE",
            JsonValueKind.Number => "NUMBER_VALUE",
            JsonValueKind.True or JsonValueKind.False => "BOOLEAN_VALUE",
            JsonValueKind.Array => "START_ARRAY",
            JsonValueKind.Object => "START_OBJECT",
            _ => value.ValueKind.ToString().ToUpperInvariant(),
        };

        return new ServiceErrorException(ServiceError.Serialization(
            $"{kind} can not be converted to {type} (member {name})."));
    }
}
