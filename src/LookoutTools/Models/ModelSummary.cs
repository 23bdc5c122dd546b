using System;

namespace LookoutTools.Models
{
    /// <summary>
    /// One Lookout for Equipment model, as ListModels describes it. Like
    /// <see cref="ModelVersionSummary"/>, the enum-like members hold the service's own words, so
    /// a value this build does not know yet is kept as it came. ModelName binds to
    /// Get-LEModelVersion's -ModelName from the pipeline.
    /// </summary>
    public sealed class ModelSummary
    {
        public string ModelName { get; set; }

        public string ModelArn { get; set; }

        public string DatasetName { get; set; }

        public string DatasetArn { get; set; }

        /// <summary>One of <see cref="ModelStatus"/>'s names, or a newer one.</summary>
        public string Status { get; set; }

        /// <summary>When the model was created, in UTC.</summary>
        public DateTime? CreatedAt { get; set; }

        /// <summary>The version that inference uses; none until a training succeeded.</summary>
        public long? ActiveModelVersion { get; set; }

        public string ActiveModelVersionArn { get; set; }

        /// <summary>One of <see cref="Models.ModelQuality"/>'s names, or a newer one.</summary>
        public string ModelQuality { get; set; }

        /// <summary>The state of the latest scheduled retraining, a model version status.</summary>
        public string LatestScheduledRetrainingStatus { get; set; }

        public long? LatestScheduledRetrainingModelVersion { get; set; }

        /// <summary>When the latest scheduled retraining started, in UTC.</summary>
        public DateTime? LatestScheduledRetrainingStartTime { get; set; }

        /// <summary>When the next scheduled retraining starts, in UTC.</summary>
        public DateTime? NextScheduledRetrainingStartDate { get; set; }

        /// <summary>PENDING, RUNNING, STOPPING or STOPPED, or a newer word.</summary>
        public string RetrainingSchedulerStatus { get; set; }

        public override string ToString()
        {
            return ModelArn ?? ModelName ?? "";
        }
    }
}
