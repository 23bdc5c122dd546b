using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace LookoutTools.Client
{
    /// <summary>
    /// Tells the SDK's pipeline that every Lookout for Equipment operation is signed with SigV4.
    /// Without an auth scheme handler the pipeline has no signer and fails with a bare
    /// NullReferenceException.
    /// </summary>
    public sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(
            IExecutionContext executionContext)
        {
            return AuthSchemeOption.DEFAULT_SIGV4;
        }
    }
}
