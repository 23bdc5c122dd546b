using System.Text.RegularExpressions;

namespace LookoutTools.Validation
{
    /// <summary>
    /// The service's rules for caller input, each answering with the sentence to show the user,
    /// or null when the value is fine. Kept free of PowerShell types so tests can call them.
    /// </summary>
    public static class InputRules
    {
        public const int MaxNextTokenLength = 8192;

        private static readonly Regex ModelNamePattern =
            new Regex(@"\A[0-9a-zA-Z_-]{1,200}\z", RegexOptions.CultureInvariant);

        public static string CheckModelName(string name)
        {
            if (name != null && ModelNamePattern.IsMatch(name)) return null;

            var shown = name == null ? "(null)" : "'" + name + "'";
            return $"The model name {shown} is not valid. A model name has 1 to 200 characters, "
                + "each a letter, a digit, a hyphen (-) or an underscore (_).";
        }

        /// <summary>
        /// A NextToken is opaque, but the service only hands out printable ASCII tokens of at
        /// most 8192 characters; anything else was mistyped or cut short.
        /// </summary>
        public static string CheckNextToken(string token)
        {
            const string advice = " Copy the token from the warning or error that offered it, "
                + "or leave -NextToken out to start from the first page.";
            if (string.IsNullOrEmpty(token)) return "The NextToken is empty." + advice;
            if (token.Trim().Length != token.Length)
            {
                return "The NextToken starts or ends with a space, which tokens never do."
                    + advice;
            }
            if (token.Length > MaxNextTokenLength)
            {
                return $"The NextToken has {token.Length} characters; a token has at most "
                    + $"{MaxNextTokenLength}." + advice;
            }
            for (var i = 0; i < token.Length; i++)
            {
                if (token[i] < 0x20 || token[i] > 0x7e)
                {
                    return "The NextToken has a character that is not printable ASCII at "
                        + $"position {i + 1}." + advice;
                }
            }
            return null;
        }
    }
}
