using System.Management.Automation;

namespace LookoutTools.Validation
{
    /// <summary>
    /// Checks model names against the service's rule when the parameter is bound, so a bad name
    /// is reported before any request and in words that say what a good name looks like.
    /// </summary>
    public sealed class ValidateModelNameAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var name = element is PSObject wrapped
                ? wrapped.BaseObject as string
                : element as string;
            var problem = InputRules.CheckModelName(name);
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
