using System;
using System.Threading;
using LookoutTools.Client;
using LookoutTools.Protocol;

namespace LookoutTools.Listing
{
    /// <summary>
    /// Walks one model's listing page by page, remembering where it is so that a failure can
    /// say which token continues exactly at the page that failed.
    /// </summary>
    public sealed class ModelVersionPager
    {
        /// <summary>
        /// Pages with no versions but a NextToken are legal, but this many in a row means the
        /// endpoint is not making progress.
        /// </summary>
        public const int MaxEmptyPagesInARow = 100;

        private readonly LookoutEquipmentClient client;
        private ListModelVersionsQuery nextQuery;
        private string previousToken;
        private int emptyPagesInARow;

        public ModelVersionPager(LookoutEquipmentClient client, ListModelVersionsQuery firstQuery)
        {
            this.client = client;
            nextQuery = firstQuery;
        }

        /// <summary>The number of the page last asked for, counting from 1.</summary>
        public int PageNumber { get; private set; }

        /// <summary>The token that asks for the next page (or the one that just failed).</summary>
        public string CurrentToken => nextQuery.NextToken;

        /// <summary>True once a page came without a NextToken.</summary>
        public bool IsFinished { get; private set; }

        /// <summary>
        /// Fetches the next page. Any failure comes back as a <see cref="PagingException"/>
        /// whose inner exception is the cause; the pager's state still names the failed page.
        /// </summary>
        public ListModelVersionsPage NextPage(CancellationToken cancellationToken)
        {
            if (IsFinished) throw new InvalidOperationException("The listing has ended.");

            PageNumber++;
            if (PageNumber > 1 && nextQuery.NextToken == previousToken)
            {
                throw new PagingException(new RepeatedNextTokenException(previousToken));
            }

            ListModelVersionsPage page;
            try
            {
                page = client.ListModelVersionsAsync(nextQuery, cancellationToken)
                    .GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                throw new PagingException(exception);
            }

            emptyPagesInARow = page.Summaries.Count == 0 && page.NextToken != null
                ? emptyPagesInARow + 1
                : 0;
            if (emptyPagesInARow >= MaxEmptyPagesInARow)
            {
                throw new PagingException(new StalledListingException(emptyPagesInARow));
            }

            previousToken = nextQuery.NextToken;
            IsFinished = page.NextToken == null;
            if (!IsFinished) nextQuery = nextQuery.WithNextToken(page.NextToken);
            return page;
        }
    }

    /// <summary>Wraps whatever stopped a page, so callers catch one type.</summary>
    public sealed class PagingException : Exception
    {
        public PagingException(Exception cause)
            : base(cause.Message, cause)
        {
        }
    }

    /// <summary>The endpoint answered a page with the same NextToken it was asked with.</summary>
    public sealed class RepeatedNextTokenException : Exception
    {
        public RepeatedNextTokenException(string token)
            : base("the endpoint answered with the same NextToken it was given, so following "
                + "it would repeat the same page forever")
        {
            Token = token;
        }

        public string Token { get; }
    }

    /// <summary>The endpoint kept answering pages with no versions and another NextToken.</summary>
    public sealed class StalledListingException : Exception
    {
        public StalledListingException(int emptyPages)
            : base($"the endpoint answered {emptyPages} pages in a row with no versions and "
                + "another NextToken")
        {
        }
    }
}
