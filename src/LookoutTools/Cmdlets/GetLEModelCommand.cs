using System.Management.Automation;
using LookoutTools.Completion;
using LookoutTools.Listing;
using LookoutTools.Models;
using LookoutTools.Protocol;
using LookoutTools.Validation;

namespace LookoutTools.Cmdlets
{
    /// <summary>
    /// Lists Lookout for Equipment models, writing each page's models as soon as the page
    /// arrives. Each model's ModelName binds to Get-LEModelVersion's -ModelName, so the two
    /// cmdlets chain in a pipeline.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LEModel")]
    [OutputType(typeof(ModelSummary))]
    public sealed class GetLEModelCommand : LookoutServiceCmdlet
    {
        /// <summary>The service's largest page, used by -All when no -PageSize is given.</summary>
        public const int LargestPageSize = 500;

        [Parameter(Position = 0)]
        [ValidateNamePrefix]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string ModelNameBeginsWith { get; set; }

        [Parameter]
        [ValidateNamePrefix]
        public string DatasetNameBeginsWith { get; set; }

        [Parameter]
        public ModelStatus Status { get; set; }

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

        protected override void ProcessRecord()
        {
            var query = FirstQuery();
            var walker = new PageWalker<ListModelsPage>(query.NextToken,
                (token, cancellation) => Connection.Client.ListModelsAsync(
                    query.WithNextToken(token), cancellation),
                page => page.Summaries.Count,
                page => page.NextToken);

            WritePages(walker, ListingSubject.Models, All, page => page.Summaries);
        }

        private ListModelsQuery FirstQuery()
        {
            var query = new ListModelsQuery();
            if (Has(nameof(NextToken))) query.NextToken = NextToken;
            if (Has(nameof(PageSize))) query.MaxResults = PageSize;
            else if (All) query.MaxResults = LargestPageSize;
            if (Has(nameof(Status))) query.Status = Status.ToString();
            if (Has(nameof(ModelNameBeginsWith))) query.ModelNameBeginsWith = ModelNameBeginsWith;
            if (Has(nameof(DatasetNameBeginsWith)))
            {
                query.DatasetNameBeginsWith = DatasetNameBeginsWith;
            }
            return query;
        }
    }
}
