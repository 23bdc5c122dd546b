using System;

namespace LookoutTools.Models
{
    /// <summary>
    /// One version of a Lookout for Equipment model, as ListModelVersions describes it.
    /// Status, SourceType and ModelQuality hold the service's own words, so a value that this
    /// build does not know yet is kept as it came and compares equal to its string.
    /// </summary>
    public sealed class ModelVersionSummary
    {
        public string ModelName { get; set; }

        public string ModelArn { get; set; }

        public long? ModelVersion { get; set; }

        public string ModelVersionArn { get; set; }

        /// <summary>When the version was created, in UTC.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>One of <see cref="ModelVersionStatus"/>'s names, or a newer one.</summary>
        public string Status { get; set; }

        /// <summary>One of <see cref="ModelVersionSourceType"/>'s names, or a newer one.</summary>
        public string SourceType { get; set; }

        /// <summary>One of <see cref="ModelQuality"/>'s names, or a newer one.</summary>
        public string ModelQuality { get; set; }

        public override string ToString()
        {
            return ModelVersionArn ?? $"{ModelName} version {ModelVersion}";
        }
    }
}
