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
        // The value after a name that says it is secret, however it is quoted or escaped.
        private static readonly Regex NamedSecret = new Regex(
            "(?i)(secret[a-z_]*|session_?token|token|password)(\\W{0,4})([^\\s\"',;}]+)",
            RegexOptions.CultureInvariant);

        // Secret keys are 40 characters of base64 and tokens longer, also when JSON escapes
        // their slashes or a URL encodes them. Access key ids (20 upper-case letters and
        // digits) are not secret and stay readable.
        private static readonly Regex SecretLike = new Regex(
            "(?:[A-Za-z0-9/+=_-]|\\\\/|%2[Ff]|%2[Bb]|%3[Dd]){32,}",
            RegexOptions.CultureInvariant);

        // Control characters could move the cursor or rewrite the console.
        private static readonly Regex ControlCharacters = new Regex(
            "[\\u0000-\\u0008\\u000A-\\u001F\\u007F]", RegexOptions.CultureInvariant);

        public static string Scrub(string message)
        {
            if (message == null) return null;

            var masked = NamedSecret.Replace(message, match => match.Groups[3].Value.Length >= 8
                ? match.Groups[1].Value + match.Groups[2].Value + "****"
                : match.Value);
            masked = SecretLike.Replace(masked, "****");
            return WithoutControlCharacters(masked);
        }

        /// <summary>Removes characters that could act on the console instead of showing.</summary>
        public static string WithoutControlCharacters(string text)
        {
            return text == null ? null : ControlCharacters.Replace(text, "?");
        }
    }
}
