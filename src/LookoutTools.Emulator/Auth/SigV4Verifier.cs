using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LookoutTools.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace LookoutTools.Emulator.Auth;

/// <summary>
/// Checks AWS Signature Version 4 on a request the way AWS does, answering with the AWS JSON
/// front end's error names and messages (the STS front end renames them). Only the
/// Authorization-header form is accepted: the service's clients never presign URLs.
/// </summary>
internal sealed class SigV4Verifier(CredentialStore credentials, TimeProvider clock)
{
    /// <summary>lookoutequipment for the API, sts for AssumeRole and GetCallerIdentity.</summary>
    public static readonly string[] AcceptedServices = ["lookoutequipment", "sts"];

    public const string InvalidTokenMessage =
        "The security token included in the request is invalid.";

    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. " +
        "Consult the service documentation for details.";

    /// <summary>Null when an accepted key signed the request; else the error to send.</summary>
    public ServiceError? Verify(
        string method, string rawTarget, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        var authorizationText = headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorizationText))
        {
            return Denied("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        var authorization = AuthorizationHeader.Parse(authorizationText, out var problem);
        if (authorization is null)
        {
            return Denied("IncompleteSignatureException", problem);
        }

        if (authorization.Algorithm != AuthorizationHeader.Sigv4Algorithm)
        {
            return Denied("IncompleteSignatureException",
                $"Unsupported AWS 'algorithm': '{authorization.Algorithm}'.");
        }

        var scope = authorization.Credential.Split('/');
        if (scope.Length != 5)
        {
            return Denied("IncompleteSignatureException",
                $"Credential should have 5 parts (access key/date/region/service/aws4_request)" +
                $", found {scope.Length}.");
        }

        var credential = credentials.Find(scope[0]);
        if (credential is null || !SessionTokenMatches(headers, credential.Keys.SessionToken))
        {
            return Denied("UnrecognizedClientException", InvalidTokenMessage);
        }

        if (credential.Expiration <= clock.GetUtcNow())
        {
            return Denied("ExpiredTokenException",
                "The security token included in the request is expired");
        }

        var signedAt = ReadRequestTime(headers, out var amzDate);
        if (signedAt is null)
        {
            return Denied("IncompleteSignatureException",
                "Authorization header requires existence of either a 'X-Amz-Date' or a " +
                "'Date' header.");
        }

        return CheckClock(signedAt.Value)
            ?? CheckScope(scope, amzDate, authorization)
            ?? CheckSignature(credential.Keys.SecretKey, authorization, scope, amzDate, method,
                rawTarget, headers, body);
    }

    /// <summary>A key registered without a token must come without one, as on AWS.</summary>
    private static bool SessionTokenMatches(IHeaderDictionary headers, string? expectedToken)
    {
        var presented = headers["X-Amz-Security-Token"].ToString();
        var expected = expectedToken ?? "";
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }

    private static DateTimeOffset? ReadRequestTime(IHeaderDictionary headers, out string amzDate)
    {
        amzDate = headers["X-Amz-Date"].ToString();
        if (DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        // SigV4 allows the HTTP Date header instead; the string to sign then uses its ISO form.
        if (DateTimeOffset.TryParseExact(headers.Date.ToString(), "r",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            amzDate = time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            return time;
        }

        return null;
    }

    private ServiceError? CheckClock(DateTimeOffset signedAt)
    {
        var now = clock.GetUtcNow();
        string Format(DateTimeOffset time) =>
            time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

        if (signedAt < now - AllowedClockSkew)
        {
            return Denied("InvalidSignatureException",
                $"Signature expired: {Format(signedAt)} is now earlier than " +
                $"{Format(now - AllowedClockSkew)} ({Format(now)} - 15 min.)");
        }

        if (signedAt > now + AllowedClockSkew)
        {
            return Denied("InvalidSignatureException",
                $"Signature not yet current: {Format(signedAt)} is still later than " +
                $"{Format(now + AllowedClockSkew)} ({Format(now)} + 15 min.)");
        }

        return null;
    }

    private static ServiceError? CheckScope(
        string[] scope, string amzDate, AuthorizationHeader authorization)
    {
        if (!amzDate.StartsWith(scope[1], StringComparison.Ordinal) || scope[1].Length != 8)
        {
            return Denied("InvalidSignatureException",
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of " +
                $"date from HTTP: '{scope[1]}' != '{amzDate[..Math.Min(8, amzDate.Length)]}'" +
                $", from '{amzDate}'.");
        }

        if (Array.IndexOf(AcceptedServices, scope[3]) < 0)
        {
            return Denied("InvalidSignatureException",
                $"Credential should be scoped to correct service: '{AcceptedServices[0]}'. ");
        }

        if (scope[4] != "aws4_request")
        {
            return Denied("InvalidSignatureException",
                $"Credential should be scoped with a valid terminator: 'aws4_request', " +
                $"not '{scope[4]}'.");
        }

        if (!authorization.SignedHeaders.Contains("host"))
        {
            return Denied("InvalidSignatureException",
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        return null;
    }

    private static ServiceError? CheckSignature(
        string secretKey,
        AuthorizationHeader authorization,
        string[] scope,
        string amzDate,
        string method,
        string rawTarget,
        IHeaderDictionary headers,
        ReadOnlySpan<byte> body)
    {
        var bodyHash = SigV4Encoding.Sha256Hex(body);
        var declaredHash = headers["x-amz-content-sha256"].ToString();
        if (IsHexHash(declaredHash)
            && !string.Equals(declaredHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            // A signature over a hash of some other body must not vouch for this one.
            return Denied("InvalidSignatureException", SignatureMismatch);
        }

        var payloadHash = declaredHash.Length > 0 ? declaredHash : bodyHash;
        var canonicalRequest = CanonicalRequest.Build(
            method, rawTarget, headers, authorization.SignedHeaders, payloadHash);
        var credentialScope = string.Join('/', scope[1..]);
        var stringToSign = string.Join('\n',
            AuthorizationHeader.Sigv4Algorithm,
            amzDate,
            credentialScope,
            SigV4Encoding.Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest)));

        var signingKey = SigV4Encoding.SigningKey(secretKey, scope[1], scope[2], scope[3]);
        var expected = Convert.ToHexStringLower(SigV4Encoding.HmacSha256(signingKey, stringToSign));

        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected),
            Encoding.ASCII.GetBytes(authorization.Signature.ToLowerInvariant()));
        return matches ? null : Denied("InvalidSignatureException", SignatureMismatch);
    }

    private static bool IsHexHash(string value) =>
        value.Length == 64 && value.All(char.IsAsciiHexDigit);

    private static ServiceError Denied(string errorType, string message) =>
        new(403, errorType, message);
}
