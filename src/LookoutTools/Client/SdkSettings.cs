namespace LookoutTools.Client
{
    /// <summary>
    /// AWSSDK.Core reads AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, AWS_DEFAULTS_MODE and the profile's
    /// retry settings once per process and keeps them. This tells it to read them again when
    /// the caller's settings have changed, as AWS's command-line tools would on their next run.
    /// </summary>
    public static class SdkSettings
    {
        private static readonly object Gate = new object();
        private static string lastFingerprint;

        public static void ReadAgainWhenChanged(string fingerprint)
        {
            lock (Gate)
            {
                if (fingerprint == lastFingerprint) return;

                try
                {
                    Amazon.Runtime.Internal.FallbackInternalConfigurationFactory.Reset();
                }
                catch (System.IO.InvalidDataException)
                {
                    // A profile file the SDK cannot parse: it keeps the settings it had.
                }
                lastFingerprint = fingerprint;
            }
        }
    }
}
