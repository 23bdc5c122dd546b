using System.Text.Json;

namespace LookoutTools.Emulator.Faults;

/// <summary>The fault rules in force. New rules replace the old ones and their counts.</summary>
internal sealed class FaultRuleSet
{
    public const int MaxRules = 100;

    private readonly Lock _lock = new();
    private FaultRule[] _rules = [];

    /// <summary>Reads a JSON array of rules (or one rule object).</summary>
    public static FaultRule[] Parse(JsonElement root)
    {
        var elements = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToArray(),
            JsonValueKind.Object => [root],
            _ => throw new FormatException("Expected a JSON array of fault rules."),
        };

        if (elements.Length > MaxRules)
        {
            throw new FormatException($"At most {MaxRules} rules may be set at once.");
        }

        return elements.Select((element, index) => FaultRule.Parse(element, index)).ToArray();
    }

    public void Replace(FaultRule[] rules)
    {
        lock (_lock)
        {
            _rules = rules;
        }
    }

    public void Clear() => Replace([]);

    /// <summary>
    /// Counts the request against every rule it matches and returns the first rule that
    /// fires, if any. Counting and firing happen under one lock so concurrent requests
    /// never make a once-only rule fire twice.
    /// </summary>
    public FaultRule? Next(string? operation, string? modelName)
    {
        lock (_lock)
        {
            FaultRule? firing = null;
            foreach (var rule in _rules)
            {
                if (!rule.Matches(operation, modelName))
                {
                    continue;
                }

                rule.Matched++;
                if (firing is null && rule.CanFire)
                {
                    rule.Fired++;
                    firing = rule;
                }
            }

            return firing;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        lock (_lock)
        {
            writer.WriteStartArray();
            foreach (var rule in _rules)
            {
                rule.WriteTo(writer);
            }

            writer.WriteEndArray();
        }
    }
}
