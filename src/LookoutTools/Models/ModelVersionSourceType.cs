namespace LookoutTools.Models
{
    /// <summary>How a model version came to be; the names are the service's.</summary>
    public enum ModelVersionSourceType
    {
        TRAINING,
        RETRAINING,
        IMPORT,
    }
}
