namespace LookoutTools.Emulator.Sts;

/// <summary>STS GetCallerIdentity: who signed the request, named by StsIdentities.</summary>
internal static class GetCallerIdentityOperation
{
    public const string Name = "GetCallerIdentity";

    public static StsAnswer Execute(StsCaller caller)
    {
        var (arn, userId, account) = StsIdentities.Caller(caller.AccessKey, caller.Credential);
        return new StsAnswer(Name, writer =>
        {
            writer.WriteElementString("Arn", arn);
            writer.WriteElementString("UserId", userId);
            writer.WriteElementString("Account", account);
        });
    }
}
