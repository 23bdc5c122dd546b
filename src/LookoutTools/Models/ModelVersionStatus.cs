namespace LookoutTools.Models
{
    /// <summary>The states a model version can be in; the names are the service's.</summary>
    public enum ModelVersionStatus
    {
        IN_PROGRESS,
        SUCCESS,
        FAILED,
        IMPORT_IN_PROGRESS,
        CANCELED,
    }
}
