using System.Management.Automation;
using System.Text.RegularExpressions;

namespace LookoutTools.Validation
{
    /// <summary>
    /// Checks -ModelNameBeginsWith and -DatasetNameBeginsWith against the service's rule for
    /// names (a prefix follows the same rule), so a bad prefix is refused before any request.
    /// </summary>
    public sealed class ValidateNamePrefixAttribute : ValidateArgumentsAttribute
    {
        private static readonly Regex NamePattern =
            new Regex(@"\A[0-9a-zA-Z_-]{1,200}\z", RegexOptions.CultureInvariant);

        public static bool IsValid(string prefix)
        {
            return prefix != null && NamePattern.IsMatch(prefix);
        }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var prefix = arguments is PSObject wrapped ? wrapped.BaseObject as string
                : arguments as string;
            if (IsValid(prefix)) return;

            var shown = prefix == null ? "(null)" : "'" + prefix + "'";
            throw new ValidationMetadataException($"The prefix {shown} is not valid. A name "
                + "prefix has 1 to 200 characters, each a letter, a digit, a hyphen (-) or an "
                + "underscore (_); leave the parameter out to match every name.");
        }
    }
}
