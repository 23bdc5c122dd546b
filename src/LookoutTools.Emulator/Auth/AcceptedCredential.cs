namespace LookoutTools.Emulator.Auth;

/// <summary>
/// A key the emulator accepts signatures from: one configured at start, or temporary
/// credentials it issued through STS AssumeRole (then <see cref="Role"/> says for what).
/// </summary>
internal sealed record AcceptedCredential(SigningCredentials Keys, IssuedRole? Role)
{
    public string AccessKey => Keys.AccessKey;

    public bool IsIssued => Role is not null;

    /// <summary>Null for configured keys, which never expire.</summary>
    public DateTimeOffset? Expiration => Role?.Expiration;
}

/// <summary>The role session that issued credentials stand for.</summary>
internal sealed record IssuedRole(
    string RoleArn,
    string RoleSessionName,
    string AssumedRoleArn,
    string AssumedRoleId,
    string Account,
    DateTimeOffset Expiration,
    string? SourceAccessKey);
