using System;
using System.Management.Automation;
using LookoutTools.Completion;
using LookoutTools.Listing;
using LookoutTools.Models;
using LookoutTools.Protocol;
using LookoutTools.Validation;

namespace LookoutTools.Cmdlets
{
    /// <summary>
    /// Lists the versions of one or more Lookout for Equipment models, writing each page's
    /// versions as soon as the page arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LEModelVersion")]
    [OutputType(typeof(ModelVersionSummary))]
    public sealed class GetLEModelVersionCommand : LookoutServiceCmdlet
    {
        /// <summary>The service's largest page, used by -All when no -PageSize is given.</summary>
        public const int LargestPageSize = 500;

        private int modelsListed;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateModelName]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[] ModelName { get; set; }

        [Parameter]
        public ModelVersionStatus Status { get; set; }

        [Parameter]
        public ModelVersionSourceType SourceType { get; set; }

        [Parameter]
        public DateTime CreatedAtStartTime { get; set; }

        [Parameter]
        public DateTime CreatedAtEndTime { get; set; }

        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long MinModelVersion { get; set; }

        [Parameter]
        [ValidateRange(1L, long.MaxValue)]
        public long MaxModelVersion { get; set; }

        [Parameter]
        [Alias("MaxResults", "MaxResult")]
        [ValidateRange(1, LargestPageSize)]
        public int PageSize { get; set; }

        [Parameter]
        [ValidateNextToken]
        public string NextToken { get; set; }

        [Parameter]
        public SwitchParameter All { get; set; }

        private bool Has(string parameterName)
        {
            return MyInvocation.BoundParameters.ContainsKey(parameterName);
        }

        protected override void BeginProcessing()
        {
            CheckRanges();
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            // Checked before any request of this record: a token belongs to one model's listing.
            modelsListed += ModelName.Length;
            if (Has(nameof(NextToken)) && modelsListed > 1)
            {
                ThrowInvalidArgument("NextTokenNeedsOneModel",
                    "-NextToken continues the listing of one model; give a single -ModelName "
                    + "with it.", null);
            }

            foreach (var name in ModelName)
            {
                ListModel(name);
            }
        }

        private void CheckRanges()
        {
            if (Has(nameof(MinModelVersion)) && Has(nameof(MaxModelVersion))
                && MinModelVersion > MaxModelVersion)
            {
                ThrowInvalidArgument("InvalidModelVersionRange",
                    $"-MinModelVersion {MinModelVersion} is greater than -MaxModelVersion "
                    + $"{MaxModelVersion}; swap them or widen the range.", null);
            }

            if (Has(nameof(CreatedAtStartTime)) && Has(nameof(CreatedAtEndTime))
                && EpochSeconds.ToUtc(CreatedAtStartTime) > EpochSeconds.ToUtc(CreatedAtEndTime))
            {
                ThrowInvalidArgument("InvalidCreatedAtRange",
                    $"-CreatedAtStartTime ({EpochSeconds.ToUtc(CreatedAtStartTime):u}) is later "
                    + $"than -CreatedAtEndTime ({EpochSeconds.ToUtc(CreatedAtEndTime):u}); "
                    + "swap them or widen the window.", null);
            }
        }

        private ListModelVersionsQuery FirstQuery(string modelName)
        {
            var query = new ListModelVersionsQuery { ModelName = modelName };
            if (Has(nameof(NextToken))) query.NextToken = NextToken;
            if (Has(nameof(PageSize))) query.MaxResults = PageSize;
            else if (All) query.MaxResults = LargestPageSize;
            if (Has(nameof(Status))) query.Status = Status.ToString();
            if (Has(nameof(SourceType))) query.SourceType = SourceType.ToString();
            if (Has(nameof(CreatedAtStartTime))) query.CreatedAtStartTime = CreatedAtStartTime;
            if (Has(nameof(CreatedAtEndTime))) query.CreatedAtEndTime = CreatedAtEndTime;
            if (Has(nameof(MinModelVersion))) query.MinModelVersion = MinModelVersion;
            if (Has(nameof(MaxModelVersion))) query.MaxModelVersion = MaxModelVersion;
            return query;
        }

        private void ListModel(string modelName)
        {
            var query = FirstQuery(modelName);
            var pager = new PageWalker<ListModelVersionsPage>(query.NextToken,
                (token, cancel) => Connection.Client.ListModelVersionsAsync(
                    query.WithNextToken(token), cancel),
                page => page.Summaries.Count, page => page.NextToken)
                .DetectingRepeatedPages(FirstVersionOf);
            WritePages(pager, ListingSubject.VersionsOf(modelName), All,
                page => page.Summaries);
        }

        private static string FirstVersionOf(ListModelVersionsPage page)
        {
            if (page.Summaries.Count == 0) return null;

            var first = page.Summaries[0];
            return first.ModelVersionArn ?? first.ModelVersion?.ToString();
        }
    }
}
