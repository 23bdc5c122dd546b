using System.Threading;

namespace LookoutTools.Client
{
    /// <summary>
    /// The cancellation token of the call in progress, for code the SDK runs without handing
    /// it the token (the unmarshaller). It flows with the call's async context, so parallel
    /// calls in other runspaces each see their own.
    /// </summary>
    public static class RequestCancellation
    {
        private static readonly AsyncLocal<CancellationToken> Current =
            new AsyncLocal<CancellationToken>();

        public static CancellationToken Token => Current.Value;

        /// <summary>
        /// Sets the token for the rest of the calling async method and what it calls.
        /// </summary>
        public static void Set(CancellationToken cancellationToken)
        {
            Current.Value = cancellationToken;
        }
    }
}
