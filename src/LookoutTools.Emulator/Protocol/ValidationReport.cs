using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LookoutTools.Emulator.Protocol;

/// <summary>
/// Collects broken constraints and words them the way AWS does:
/// "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: ...".
/// </summary>
internal sealed partial class ValidationReport
{
    private const int LongestQuotedValue = 256;

    private readonly List<string> _problems = [];

    /// <summary>A broken constraint; a sensitive member's value is left out, as AWS does.</summary>
    public void Add(string member, string? value, string constraint, bool sensitive = false)
    {
        var quoted = sensitive ? "" : $" {Quote(value)}";
        _problems.Add($"Value{quoted} at '{member}' failed to satisfy constraint: {constraint}");
    }

    public void RequireLengthAtMost(
        string member, string? value, int maximum, bool sensitive = false)
    {
        if (value is not null && value.Length > maximum)
        {
            Add(member, value, $"Member must have length less than or equal to {maximum}",
                sensitive);
        }
    }

    /// <summary>
    /// A string member's presence and length, as AWS words each. The value of a member the API
    /// marks sensitive (a web identity token) is left out of the message, as AWS does.
    /// </summary>
    public void RequireLength(string member, string? value, int minimum, int maximum,
        bool required, bool sensitive = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(member, null, "Member must not be null");
            }

            return;
        }

        if (value.Length < minimum)
        {
            Add(member, value, $"Member must have length greater than or equal to {minimum}",
                sensitive);
        }

        RequireLengthAtMost(member, value, maximum, sensitive);
    }

    /// <summary>Checks the whole value against <paramref name="pattern"/>.</summary>
    public void RequirePattern(string member, string? value, Regex pattern, string patternText)
    {
        if (value is not null && !pattern.IsMatch(value))
        {
            Add(member, value, "Member must satisfy regular expression pattern: " + patternText);
        }
    }

    public void RequireRange(string member, long? value, long minimum, long? maximum = null)
    {
        if (value is null)
        {
            return;
        }

        var text = value.Value.ToString(CultureInfo.InvariantCulture);
        if (value < minimum)
        {
            Add(member, text, $"Member must have value greater than or equal to {minimum}");
        }
        else if (maximum is not null && value > maximum)
        {
            Add(member, text, $"Member must have value less than or equal to {maximum}");
        }
    }

    public void RequireEnum(string member, string? value, string[] allowed)
    {
        if (value is not null && Array.IndexOf(allowed, value) < 0)
        {
            Add(member, value, "Member must satisfy enum value set: " + Describe(allowed));
        }
    }

    /// <summary>
    /// Checks a name or name prefix against the service's pattern; AWS reports the length
    /// and the pattern as separate problems.
    /// </summary>
    public void RequireName(string member, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(member, null, "Member must not be null");
            }

            return;
        }

        if (value.Length < 1)
        {
            Add(member, value, "Member must have length greater than or equal to 1");
        }

        RequireLengthAtMost(member, value, 200);
        if (!NamePattern().IsMatch(value))
        {
            Add(member, value,
                "Member must satisfy regular expression pattern: " + NamePatternText);
        }
    }

    public void RequireAscii(string member, string? value, int maximumLength)
    {
        RequireLengthAtMost(member, value, maximumLength);
        if (value is not null && !Ascii.IsValid(value))
        {
            Add(member, value, $"Member must satisfy regular expression pattern: " +
                $"\\p{{ASCII}}{{0,{maximumLength}}}");
        }
    }

    public void ThrowIfAny()
    {
        if (_problems.Count == 0)
        {
            return;
        }

        var count = _problems.Count == 1
            ? "1 validation error"
            : $"{_problems.Count} validation errors";
        throw new ServiceErrorException(ServiceError.Validation(
            $"{count} detected: {string.Join("; ", _problems)}"));
    }

    private static string Describe(string[] allowed) => "[" + string.Join(", ", allowed) + "]";

    private const string NamePatternText = "^[0-9a-zA-Z_-]{1,200}$";

    [GeneratedRegex(NamePatternText)]
    private static partial Regex NamePattern();

    private static string Quote(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        return value.Length <= LongestQuotedValue
            ? $"'{value}'"
            : $"'{value[..LongestQuotedValue]}...'";
    }
}
