using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Protocol;

namespace LookoutTools.Emulator.Sts;

/// <summary>
/// STS AssumeRole and AssumeRoleWithWebIdentity: any well-formed role ARN may be assumed, and
/// the temporary credentials they hand out are accepted for every later request until they
/// expire. Any web identity token of a valid length is trusted: there is no identity provider
/// here to check it against.
/// </summary>
internal sealed partial class AssumeRoleOperation(CredentialStore credentials, TimeProvider clock)
{
    public const string Name = "AssumeRole";

    public const string WebIdentityName = "AssumeRoleWithWebIdentity";

    /// <summary>The parameter that carries the web identity token, a bearer secret.</summary>
    public const string WebIdentityTokenParameter = "WebIdentityToken";

    public const int DefaultDurationSeconds = 3600;

    /// <summary>AWS caps a session assumed with another role's credentials at one hour.</summary>
    public const int LongestChainedDurationSeconds = 3600;

    private const string SessionNamePatternText = @"[\w+=,.@-]*";
    private const string ExternalIdPatternText = @"[\w+=,.@:\/-]*";

    /// <summary>Issues credentials for the role, or throws a ServiceErrorException.</summary>
    public StsAnswer Execute(IReadOnlyDictionary<string, string> parameters, StsCaller caller)
    {
        var externalId = parameters.GetValueOrDefault("ExternalId");

        var report = new ValidationReport();
        var (roleArn, sessionName, duration) = ReadRoleParameters(parameters, report);
        report.RequireLength("externalId", externalId, 2, 1224, required: false);
        report.RequirePattern("externalId", externalId, ExternalIdPattern(),
            ExternalIdPatternText);
        report.ThrowIfAny();

        return Issue(Name, roleArn!, sessionName!, duration, caller);
    }

    /// <summary>
    /// Issues credentials for a caller that proves itself with a web identity token instead of
    /// a signature, as an EKS pod or a CI job does.
    /// </summary>
    public StsAnswer ExecuteWithWebIdentity(IReadOnlyDictionary<string, string> parameters)
    {
        var token = parameters.GetValueOrDefault(WebIdentityTokenParameter);

        var report = new ValidationReport();
        var (roleArn, sessionName, duration) = ReadRoleParameters(parameters, report);
        report.RequireLength("webIdentityToken", token, 4, 20000, required: true, sensitive: true);
        report.ThrowIfAny();

        return Issue(WebIdentityName, roleArn!, sessionName!, duration,
            new StsCaller(AccessKey: null, Credential: null));
    }

    private static (string? RoleArn, string? SessionName, int Duration) ReadRoleParameters(
        IReadOnlyDictionary<string, string> parameters, ValidationReport report)
    {
        var roleArn = parameters.GetValueOrDefault("RoleArn");
        var sessionName = parameters.GetValueOrDefault("RoleSessionName");

        report.RequireLength("roleArn", roleArn, 20, 2048, required: true);
        report.RequireLength("roleSessionName", sessionName, 2, 64, required: true);
        report.RequirePattern("roleSessionName", sessionName, SessionNamePattern(),
            SessionNamePatternText);
        var duration = ReadDuration(parameters.GetValueOrDefault("DurationSeconds"), report);
        return (roleArn, sessionName, duration);
    }

    private StsAnswer Issue(
        string action, string roleArn, string sessionName, int duration, StsCaller caller)
    {
        if (StsIdentities.ParseRoleArn(roleArn) is not { } role)
        {
            throw new ServiceErrorException(ServiceError.Validation(
                $"{roleArn} is invalid: send an IAM role ARN, " +
                "arn:aws:iam::ACCOUNT:role/NAME."));
        }

        var (partition, account, roleName) = role;

        if (caller.Credential?.IsIssued == true && duration > LongestChainedDurationSeconds)
        {
            throw new ServiceErrorException(ServiceError.Validation(
                "The requested DurationSeconds exceeds the 1 hour session limit for roles " +
                "assumed by role chaining."));
        }

        // STS states expiry to the second, and the emulator enforces what it states.
        var now = clock.GetUtcNow();
        var expiration = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond))
            .AddSeconds(duration);
        var issued = credentials.Issue(new IssuedRole(
            RoleArn: roleArn,
            RoleSessionName: sessionName,
            AssumedRoleArn: StsIdentities.AssumedRoleArn(
                partition, account, roleName, sessionName),
            AssumedRoleId: StsIdentities.AssumedRoleId(roleArn, sessionName),
            Account: account,
            Expiration: expiration,
            SourceAccessKey: caller.AccessKey));

        return new StsAnswer(action, writer => WriteResult(writer, issued));
    }

    private static int ReadDuration(string? text, ValidationReport report)
    {
        if (text is null)
        {
            return DefaultDurationSeconds;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var duration))
        {
            report.Add("durationSeconds", text, "Member must be a whole number of seconds");
            return DefaultDurationSeconds;
        }

        report.RequireRange("durationSeconds", duration, 900, 43200);
        return duration;
    }

    private static void WriteResult(XmlWriter writer, AcceptedCredential issued)
    {
        var role = issued.Role!;
        writer.WriteStartElement("Credentials");
        writer.WriteElementString("AccessKeyId", issued.AccessKey);
        writer.WriteElementString("SecretAccessKey", issued.Keys.SecretKey);
        writer.WriteElementString("SessionToken", issued.Keys.SessionToken);
        writer.WriteElementString("Expiration", StsResponseWriter.FormatTime(role.Expiration));
        writer.WriteEndElement();

        writer.WriteStartElement("AssumedRoleUser");
        writer.WriteElementString("AssumedRoleId", role.AssumedRoleId);
        writer.WriteElementString("Arn", role.AssumedRoleArn);
        writer.WriteEndElement();
    }

    [GeneratedRegex(@"^[\w+=,.@-]*$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:\/-]*$")]
    private static partial Regex ExternalIdPattern();
}
