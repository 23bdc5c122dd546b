namespace LookoutTools.Listing
{
    /// <summary>
    /// What a listing lists, in the words its error messages use, and the exception that
    /// carries its failures.
    /// </summary>
    public sealed class ListingSubject
    {
        private ListingSubject(string description, string items, string permission,
            string modelName)
        {
            Description = description;
            Items = items;
            Permission = permission;
            ModelName = modelName;
        }

        public static ListingSubject Models { get; } =
            new ListingSubject("models", "model", "lookoutequipment:ListModels", null);

        public static ListingSubject VersionsOf(string modelName)
        {
            return new ListingSubject($"the versions of model '{modelName}'", "version",
                "lookoutequipment:ListModelVersions on this model", modelName);
        }

        /// <summary>Such as "the versions of model 'pump-7'".</summary>
        public string Description { get; }

        /// <summary>Such as "version", for "Every version received so far".</summary>
        public string Items { get; }

        /// <summary>The IAM permission the listing needs.</summary>
        public string Permission { get; }

        /// <summary>The model whose versions are listed; null for a listing of models.</summary>
        public string ModelName { get; }

        /// <summary>What a page held, for -Verbose: "50 model versions of 'pump-7'".</summary>
        public string PageContents(int count)
        {
            return ModelName == null
                ? $"{count} models"
                : $"{count} model versions of '{ModelName}'";
        }

        /// <summary>How the warning starts when more pages exist and -All was not given.</summary>
        public string MoreAvailable => ModelName == null
            ? "More models are available."
            : $"More versions of model '{ModelName}' are available.";

        /// <summary>What token advice calls the listing's scope.</summary>
        public string Scope =>
            ModelName == null ? "the same filters" : "the same model and filters";

        internal ListingException NewException(string message, System.Exception cause,
            int pageNumber, string resumeToken, string errorCode, string requestId)
        {
            return ModelName == null
                ? (ListingException)new ModelListingException(message, cause, pageNumber,
                    resumeToken, errorCode, requestId)
                : new ModelVersionListingException(message, cause, ModelName, pageNumber,
                    resumeToken, errorCode, requestId);
        }
    }
}
