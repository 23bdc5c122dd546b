namespace LookoutTools.Emulator.Data;

/// <summary>
/// Stable hashing for generated data. string.GetHashCode is randomised per process, and the
/// emulator must produce the same synthetic versions and ARNs on every run.
/// </summary>
internal static class DeterministicHash
{
    public static ulong OfText(string text)
    {
        const ulong fnvOffset = 14695981039346656037UL;
        const ulong fnvPrime = 1099511628211UL;

        var hash = fnvOffset;
        foreach (var character in text)
        {
            hash = (hash ^ character) * fnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the whole output.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Combine(ulong seed, long value) => Mix(seed ^ Mix((ulong)value));

    /// <summary>A version-4-shaped UUID derived from <paramref name="text"/>.</summary>
    public static string UuidOf(string text)
    {
        var high = OfText(text);
        var low = Mix(high ^ 0x5DEECE66DUL);

        // Set the version nibble to 4 and the variant bits to 10xx so it looks like a real id.
        high = (high & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL;
        low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;

        var hex = high.ToString("x16") + low.ToString("x16");
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
