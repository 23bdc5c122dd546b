using System;
using Amazon.Runtime;

namespace LookoutTools.Connection
{
    /// <summary>
    /// Which credentials a call will use: where they come from (for -Verbose), a key that
    /// identifies them without holding a secret (for reusing clients), the profile whose
    /// region and endpoint settings apply, and how to build them once a client is needed.
    /// </summary>
    public sealed class CredentialChoice
    {
        public CredentialChoice(string source, string identityKey, string profileName,
            Func<AWSCredentials> create)
        {
            Source = source;
            IdentityKey = identityKey;
            ProfileName = profileName;
            Create = create;
        }

        public string Source { get; }

        public string IdentityKey { get; }

        /// <summary>The profile that also supplies region and endpoint settings, if any.</summary>
        public string ProfileName { get; }

        public Func<AWSCredentials> Create { get; }
    }
}
