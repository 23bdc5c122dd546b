using System.Text.RegularExpressions;

namespace LookoutTools.Connection
{
    /// <summary>
    /// Masks anything in a message that could be a secret key or session token before the
    /// message reaches an error record. Messages from credential providers can echo what a
    /// credential_process printed or what a file held, and those are not ours to show.
    /// </summary>
    public static class SecretScrubber
    {
        // Secret keys are 40 characters of base64; session tokens are longer. Access key ids
        // (20 upper-case letters and digits) are not secret and stay readable.
        private static readonly Regex SecretLike =
            new Regex("[A-Za-z0-9/+=_-]{32,}", RegexOptions.CultureInvariant);

        public static string Scrub(string message)
        {
            return message == null ? null : SecretLike.Replace(message, "****");
        }
    }
}
