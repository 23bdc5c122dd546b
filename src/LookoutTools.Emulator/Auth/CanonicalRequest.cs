using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LookoutTools.Emulator.Auth;

/// <summary>
/// The canonical request of SigV4: method, URI, query, signed headers and payload hash, each
/// put in the one form that signer and verifier agree on.
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(
        string method,
        string rawTarget,
        IHeaderDictionary headers,
        IReadOnlyList<string> signedHeaders,
        string payloadHash)
    {
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? "" : rawTarget[(queryStart + 1)..];

        var builder = new StringBuilder();
        builder.Append(method).Append('\n');
        builder.Append(CanonicalPath(rawPath)).Append('\n');
        builder.Append(CanonicalQuery(rawQuery)).Append('\n');

        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(headers[name]))
                .Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>
    /// Every service but S3 encodes the path twice: the wire path is encoded once already, so
    /// each of its segments is encoded once more here.
    /// </summary>
    private static string CanonicalPath(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        var segments = rawPath.Split('/').Select(segment => SigV4Encoding.UriEncode(segment));
        return string.Join('/', segments);
    }

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return "";
        }

        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return (Name: SigV4Encoding.UriEncode(Uri.UnescapeDataString(name)),
                    Value: SigV4Encoding.UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);

        return string.Join('&', pairs.Select(pair => pair.Name + "=" + pair.Value));
    }

    /// <summary>Each value trimmed, runs of spaces made single, then joined by commas.</summary>
    private static string CanonicalHeaderValue(StringValues values) =>
        string.Join(',', values.Select(value => CollapseSpaces((value ?? "").Trim())));

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousWasSpace = false;

        foreach (var character in value)
        {
            var isSpace = character == ' ';
            if (!(isSpace && previousWasSpace))
            {
                builder.Append(character);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
