using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LookoutTools.Emulator.Tests.Support;

/// <summary>
/// A small Signature Version 4 signer written from the AWS specification, independent of the
/// emulator's verifier, so the two check each other.
/// </summary>
internal static class TestSigV4Signer
{
    public sealed record Options(
        string AccessKey,
        string SecretKey,
        string Region = "us-east-1",
        string Service = "lookoutequipment",
        DateTimeOffset? SignedAt = null,
        string? SessionToken = null,
        bool SendContentSha256 = false);

    public static void Sign(HttpRequestMessage request, byte[] body, Options options)
    {
        var time = (options.SignedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = Hex(SHA256.HashData(body));

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (options.SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", options.SessionToken);
        }

        if (options.SendContentSha256)
        {
            request.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        }

        // Headers to sign, by lower-case name, with the values that will go on the wire.
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.RequestUri!.Authority,
        };
        foreach (var header in request.Headers)
        {
            signed[header.Key.ToLowerInvariant()] = string.Join(",", header.Value).Trim();
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                signed[header.Key.ToLowerInvariant()] = string.Join(",", header.Value).Trim();
            }
        }

        signed.Remove("user-agent");
        var signedHeaders = string.Join(";", signed.Keys);
        var canonicalRequest = string.Join("\n",
            request.Method.Method,
            request.RequestUri.AbsolutePath,
            request.RequestUri.Query.TrimStart('?'),
            string.Concat(signed.Select(pair => $"{pair.Key}:{pair.Value}\n")),
            signedHeaders,
            payloadHash);

        var scope = $"{date}/{options.Region}/{options.Service}/aws4_request";
        var stringToSign = string.Join("\n",
            "AWS4-HMAC-SHA256",
            amzDate,
            scope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + options.SecretKey), date);
        key = Hmac(key, options.Region);
        key = Hmac(key, options.Service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={options.AccessKey}/{scope}, " +
            $"SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
