namespace LookoutTools.Emulator.Auth;

/// <summary>
/// The parts of a SigV4 Authorization header:
/// <c>AWS4-HMAC-SHA256 Credential=AK/20240101/us-east-1/lookoutequipment/aws4_request,
/// SignedHeaders=content-type;host;x-amz-date, Signature=hex</c>.
/// </summary>
internal sealed record AuthorizationHeader(
    string Algorithm,
    string Credential,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Sigv4Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The access key id, the first part of the credential.</summary>
    public string AccessKey => Credential.Split('/')[0];

    /// <summary>Null when the header lacks a part; <paramref name="problem"/> says which.</summary>
    public static AuthorizationHeader? Parse(string header, out string problem)
    {
        problem = "";
        var space = header.IndexOf(' ');
        var algorithm = space < 0 ? header : header[..space];
        var parameters = space < 0 ? "" : header[(space + 1)..];

        string? credential = null;
        string? signedHeaders = null;
        string? signature = null;
        foreach (var part in parameters.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var value = part[(equals + 1)..].Trim();
            switch (part[..equals].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        // AWS names every missing parameter in one message.
        var missing = new List<string>();
        if (credential is null)
        {
            missing.Add("Authorization header requires 'Credential' parameter.");
        }

        if (signedHeaders is null)
        {
            missing.Add("Authorization header requires 'SignedHeaders' parameter.");
        }

        if (signature is null)
        {
            missing.Add("Authorization header requires 'Signature' parameter.");
        }

        if (missing.Count > 0)
        {
            problem = string.Join(" ", missing) + $" Authorization={header.Split(' ')[0]}";
            return null;
        }

        var headerNames = signedHeaders!.Split(';', StringSplitOptions.RemoveEmptyEntries);
        return new AuthorizationHeader(algorithm, credential!, headerNames, signature!);
    }
}
