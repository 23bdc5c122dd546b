using System.Security.Cryptography;
using System.Text;

namespace LookoutTools.Emulator.Auth;

/// <summary>The encoding and hashing rules of Signature Version 4.</summary>
internal static class SigV4Encoding
{
    /// <summary>
    /// Percent-encodes everything but the unreserved characters A-Z a-z 0-9 - _ . ~, with
    /// upper-case hex, as SigV4 requires (which differs from form encoding).
    /// </summary>
    public static string UriEncode(string text, bool encodeSlash = true)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var value in Encoding.UTF8.GetBytes(text))
        {
            var character = (char)value;
            if (char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' or '~'
                || (!encodeSlash && character == '/'))
            {
                builder.Append(character);
            }
            else
            {
                builder.Append('%').Append(value.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(SHA256.HashData(data));

    public static byte[] HmacSha256(byte[] key, string data) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    public static byte[] SigningKey(string secretKey, string date, string region, string service)
    {
        var dateKey = HmacSha256(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        var regionKey = HmacSha256(dateKey, region);
        var serviceKey = HmacSha256(regionKey, service);
        return HmacSha256(serviceKey, "aws4_request");
    }
}
