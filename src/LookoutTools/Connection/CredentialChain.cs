using System;
using System.Management.Automation;
using Amazon.Runtime;

namespace LookoutTools.Connection
{
    /// <summary>
    /// Picks the credentials for a call, first match wins: explicit keys; -ProfileName;
    /// -Credential; $StoredAWSCredentials; the environment's keys; AWS_PROFILE; the default
    /// profile; web identity, container and instance-role credentials. Every kind of
    /// credentials is built by AWSSDK.Core's own types; this class only decides the order.
    /// </summary>
    public static class CredentialChain
    {
        public static CredentialChoice Choose(ConnectionSettings settings, ProfileFiles profiles)
        {
            if (!string.IsNullOrEmpty(settings.AccessKey))
            {
                var accessKey = settings.AccessKey;
                var secretKey = settings.SecretKey;
                var sessionToken = settings.SessionToken;
                var identity = "keys|" + accessKey + "|"
                    + ConnectionResolver.Fingerprint(secretKey + "\n" + sessionToken);
                return new CredentialChoice("-AccessKey and -SecretKey", identity, null,
                    () => string.IsNullOrEmpty(sessionToken)
                        ? (AWSCredentials)new BasicAWSCredentials(accessKey, secretKey)
                        : new SessionAWSCredentials(accessKey, secretKey, sessionToken));
            }

            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                return FromProfile(settings.ProfileName, "-ProfileName", profiles);
            }

            if (settings.Credential != null)
            {
                return FromObject(settings.Credential, "-Credential");
            }

            var stored = settings.StoredCredentials is PSObject wrapped
                ? wrapped.BaseObject
                : settings.StoredCredentials;
            switch (stored)
            {
                case null:
                    break;
                case string profileName when !string.IsNullOrWhiteSpace(profileName):
                    return FromProfile(profileName.Trim(), "$StoredAWSCredentials", profiles);
                case AWSCredentials credentials:
                    return FromObject(credentials, "$StoredAWSCredentials");
                default:
                    throw new ConnectionException("InvalidStoredCredentials",
                        ErrorCategory.InvalidData,
                        "$StoredAWSCredentials holds a " + stored.GetType().Name + "; it must "
                        + "be a profile name or an AWSCredentials object. Run Set-AWSCredential "
                        + "again, or remove the variable.");
            }

            return FromEnvironment(profiles);
        }

        private static CredentialChoice FromEnvironment(ProfileFiles profiles)
        {
            var accessKey = ConnectionResolver.EnvironmentValue("AWS_ACCESS_KEY_ID");
            var secretKey = ConnectionResolver.EnvironmentValue("AWS_SECRET_ACCESS_KEY");
            if (accessKey != null && secretKey != null)
            {
                var identity = "environment|" + accessKey + "|" + ConnectionResolver.Fingerprint(
                    secretKey + "\n" + ConnectionResolver.EnvironmentValue("AWS_SESSION_TOKEN"));
                return new CredentialChoice(
                    "the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)", identity,
                    null, () => new EnvironmentVariablesAWSCredentials());
            }

            // A profile that holds no credentials (only a region, say) passes the turn to the
            // roles below, as in the AWS CLI: a region-only default profile is common on EC2.
            var profileName = ConnectionResolver.EnvironmentValue("AWS_PROFILE");
            if (profileName != null)
            {
                var named = profiles.Find(profileName);
                if (named == null) return FromProfile(profileName, "AWS_PROFILE", profiles);
                if (named.CanCreateAWSCredentials)
                {
                    return FromProfile(profileName, "AWS_PROFILE", profiles);
                }
            }
            else if (profiles.Find("default")?.CanCreateAWSCredentials == true)
            {
                return FromProfile("default", "the default profile", profiles);
            }

            return FromRoles();
        }

        private static CredentialChoice FromRoles()
        {
            if (ConnectionResolver.EnvironmentValue("AWS_WEB_IDENTITY_TOKEN_FILE") != null)
            {
                return new CredentialChoice("web identity (AWS_WEB_IDENTITY_TOKEN_FILE)",
                    "web-identity|" + ConnectionResolver.Fingerprint(
                        ConnectionResolver.EnvironmentValue("AWS_WEB_IDENTITY_TOKEN_FILE")
                        + "\n" + ConnectionResolver.EnvironmentValue("AWS_ROLE_ARN")),
                    null, AssumeRoleWithWebIdentityCredentials.FromEnvironmentVariables);
            }

            var containerUri = ConnectionResolver.EnvironmentValue(
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                ?? ConnectionResolver.EnvironmentValue("AWS_CONTAINER_CREDENTIALS_FULL_URI");
            if (containerUri != null)
            {
                return new CredentialChoice("the container's credentials endpoint",
                    "container|" + containerUri, null, () => new GenericContainerCredentials());
            }

            var metadataDisabled = string.Equals(
                ConnectionResolver.EnvironmentValue("AWS_EC2_METADATA_DISABLED"), "true",
                StringComparison.OrdinalIgnoreCase);
            if (!metadataDisabled)
            {
                return new CredentialChoice("the EC2 instance role", "instance-role", null,
                    () => new InstanceProfileAWSCredentials());
            }

            throw new ConnectionException("NoCredentials", ErrorCategory.AuthenticationError,
                "No AWS credentials were found. Give -AccessKey and -SecretKey, -ProfileName or "
                + "-Credential, run Set-AWSCredential, set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or add a default profile to your AWS "
                + "credentials file.");
        }

        private static CredentialChoice FromProfile(string name, string origin,
            ProfileFiles profiles)
        {
            profiles.FindRequired(name, origin);
            var source = origin == "-ProfileName" || origin == "the default profile"
                ? $"profile '{name}'"
                : $"profile '{name}' (from {origin})";
            // The files' write times are part of the identity, so keys rotated in a profile are
            // picked up by the next call rather than at the next session.
            var identity = "profile|" + profiles.Location + "|" + name + "|" + profiles.Version;
            return new CredentialChoice(source, identity, name, () =>
            {
                if (profiles.TryGetCredentials(name, out var credentials)) return credentials;

                throw new ConnectionException("ProfileNotUsable", ErrorCategory.InvalidData,
                    $"The AWS profile '{name}' has no usable credentials. Check its keys, "
                    + "role_arn and source_profile, credential_process or SSO settings.");
            });
        }

        private static CredentialChoice FromObject(AWSCredentials credentials, string origin)
        {
            return new CredentialChoice($"{origin} ({credentials.GetType().Name})",
                "object|" + ConnectionResolver.ObjectIdentity(credentials), null,
                () => credentials);
        }
    }
}
