using System.Management.Automation;

namespace LookoutTools.Validation
{
    /// <summary>
    /// A NextToken is opaque, but the service only ever hands out ASCII tokens of at most 8192
    /// characters; anything else was mistyped or truncated, and is refused before sending.
    /// </summary>
    public sealed class ValidateNextTokenAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var token = arguments is PSObject wrapped ? wrapped.BaseObject as string
                : arguments as string;
            var problem = InputRules.CheckNextToken(token);
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
