namespace LookoutTools.Models
{
    /// <summary>
    /// The states ListModels can filter on; the names are the service's. A model has no
    /// CANCELED state, unlike a model version.
    /// </summary>
    public enum ModelStatus
    {
        IN_PROGRESS,
        SUCCESS,
        FAILED,
        IMPORT_IN_PROGRESS,
    }
}
