using System.Text.RegularExpressions;

namespace LookoutTools.Emulator.Auth;

/// <summary>A configured key pair, and the session token that must come with it.</summary>
internal sealed partial record SigningCredentials(
    string AccessKey, string SecretKey, string? SessionToken)
{
    /// <summary>AWS's form of an access key id: word characters only, at most 128.</summary>
    public static bool IsValidAccessKey(string accessKey) => AccessKeyPattern().IsMatch(accessKey);

    [GeneratedRegex("^[A-Za-z0-9_]{1,128}$")]
    private static partial Regex AccessKeyPattern();
}
