namespace LookoutTools.Models
{
    /// <summary>The service's verdict on a trained model version.</summary>
    public enum ModelQuality
    {
        QUALITY_THRESHOLD_MET,
        CANNOT_DETERMINE_QUALITY,
        POOR_QUALITY_DETECTED,
    }
}
