using System;

namespace LookoutTools.Listing
{
    /// <summary>Wraps whatever stopped a page, so callers catch one type.</summary>
    public sealed class PagingException : Exception
    {
        public PagingException(Exception cause)
            : base(cause.Message, cause)
        {
        }
    }

    /// <summary>
    /// A listing the endpoint will not let finish: following its NextToken cannot make
    /// progress. A resume token is offered only where resuming cannot repeat a version.
    /// </summary>
    public abstract class UnfollowableListingException : Exception
    {
        protected UnfollowableListingException(string message, int lastPageNumber)
            : base(message)
        {
            LastPageNumber = lastPageNumber;
        }

        /// <summary>The last page received; its versions were returned.</summary>
        public int LastPageNumber { get; }

        /// <summary>Where a later run can resume without repeating a version, if anywhere.
        /// </summary>
        public virtual string ResumeToken => null;
    }

    /// <summary>The endpoint answered a page with the same NextToken it was asked with.</summary>
    public sealed class RepeatedNextTokenException : UnfollowableListingException
    {
        public RepeatedNextTokenException(string token, int pageNumber, bool pageWasEmpty)
            : base(pageWasEmpty
                    ? $"the endpoint answered page {pageNumber} with no versions and the same "
                        + "NextToken it was asked with, so it made no progress"
                    : $"the endpoint answered page {pageNumber} with the same NextToken it was "
                        + "asked with, so following it would repeat that page forever",
                pageNumber)
        {
            Token = token;
            PageWasEmpty = pageWasEmpty;
        }

        public string Token { get; }

        /// <summary>An empty page skipped nothing: its token is a safe place to resume.</summary>
        public bool PageWasEmpty { get; }

        public override string ResumeToken => PageWasEmpty ? Token : null;
    }

    /// <summary>The endpoint answered a page with the items of the page before it.</summary>
    public sealed class RepeatedPageException : UnfollowableListingException
    {
        public RepeatedPageException(int pageNumber)
            : base($"the endpoint answered page {pageNumber} with the same items as page "
                + $"{pageNumber - 1}, so its NextToken leads back; page {pageNumber} was not "
                + "written", pageNumber - 1)
        {
        }
    }

    /// <summary>The endpoint kept answering pages with no versions and another NextToken.</summary>
    public sealed class StalledListingException : UnfollowableListingException
    {
        public StalledListingException(int emptyPages, int pageNumber)
            : base($"the endpoint answered {emptyPages} pages in a row, up to page {pageNumber}, "
                + "with no versions and another NextToken", pageNumber)
        {
        }
    }
}
