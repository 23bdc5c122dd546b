using System.Text.RegularExpressions;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Data;

namespace LookoutTools.Emulator.Sts;

/// <summary>
/// The names STS gives callers: role ARNs taken apart, assumed-role ARNs and the stable ids
/// (AROA..., AIDA...) that stand for a role or a user.
/// </summary>
internal static partial class StsIdentities
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The parts of arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME, or null.</summary>
    public static (string Partition, string Account, string RoleName)? ParseRoleArn(string roleArn)
    {
        var match = RoleArnPattern().Match(roleArn);
        return match.Success
            ? (match.Groups["partition"].Value, match.Groups["account"].Value,
                match.Groups["name"].Value)
            : null;
    }

    /// <summary>The session's ARN; like AWS, it leaves out the role's path.</summary>
    public static string AssumedRoleArn(
        string partition, string account, string roleName, string sessionName) =>
        $"arn:{partition}:sts::{account}:assumed-role/{roleName}/{sessionName}";

    /// <summary>AROA and 17 characters derived from the role ARN, then the session name.</summary>
    public static string AssumedRoleId(string roleArn, string sessionName) =>
        StableId("AROA", roleArn) + ":" + sessionName;

    /// <summary>
    /// Who a request comes from, as GetCallerIdentity reports it. A configured key stands for
    /// an IAM user named after the key, so a test can tell keys apart by the ARN alone.
    /// </summary>
    public static (string Arn, string UserId, string Account) Caller(
        string? accessKey, AcceptedCredential? credential)
    {
        if (credential?.Role is { } role)
        {
            return (role.AssumedRoleArn, role.AssumedRoleId, role.Account);
        }

        var userName = string.IsNullOrEmpty(accessKey) ? "anonymous" : accessKey;
        return ($"arn:aws:iam::{ResourceNames.DefaultAccount}:user/emulator/{userName}",
            StableId("AIDA", userName), ResourceNames.DefaultAccount);
    }

    private static string StableId(string prefix, string text)
    {
        var hash = DeterministicHash.OfText(text);
        var id = new char[17];
        for (var index = 0; index < id.Length; index++)
        {
            id[index] = IdAlphabet[(int)(hash % (ulong)IdAlphabet.Length)];
            hash = DeterministicHash.Mix(hash);
        }

        return prefix + new string(id);
    }

    [GeneratedRegex(
        @"^arn:(?<partition>aws[a-z-]*):iam::(?<account>[0-9]{12}):role/" +
        @"(?:[\x21-\x2E\x30-\x7E]+/)*(?<name>[\w+=,.@-]{1,64})$")]
    private static partial Regex RoleArnPattern();
}
