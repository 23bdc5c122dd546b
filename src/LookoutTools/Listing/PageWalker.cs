using System;
using System.Threading;
using System.Threading.Tasks;

namespace LookoutTools.Listing
{
    /// <summary>
    /// Walks a paged List operation page by page. It remembers the token of the page it asks
    /// for, so that a failure can say exactly where to resume, and it stops an endpoint that
    /// repeats its token or sends empty pages without end instead of looping.
    /// </summary>
    public sealed class PageWalker<TPage>
    {
        /// <summary>
        /// Pages with no items but a NextToken are legal, but this many in a row means the
        /// endpoint is not making progress.
        /// </summary>
        public const int MaxEmptyPagesInARow = 100;

        private readonly Func<string, CancellationToken, Task<TPage>> fetchPage;
        private readonly Func<TPage, int> itemCountOf;
        private readonly Func<TPage, string> nextTokenOf;
        private Func<TPage, string> firstItemKeyOf;
        private string previousFirstItemKey;
        private Exception stopReason;
        private int emptyPagesInARow;

        /// <param name="firstToken">The token to start from, or null for the first page.</param>
        /// <param name="fetchPage">Asks for the page a token points at (null: the first).</param>
        /// <param name="itemCountOf">How many items a page carries.</param>
        /// <param name="nextTokenOf">A page's NextToken, null on the last page.</param>
        public PageWalker(string firstToken, Func<string, CancellationToken, Task<TPage>> fetchPage,
            Func<TPage, int> itemCountOf, Func<TPage, string> nextTokenOf)
        {
            CurrentToken = firstToken;
            this.fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
            this.itemCountOf = itemCountOf ?? throw new ArgumentNullException(nameof(itemCountOf));
            this.nextTokenOf = nextTokenOf ?? throw new ArgumentNullException(nameof(nextTokenOf));
        }

        /// <summary>
        /// Names what identifies a page's first item. A page that starts with the same item as
        /// the page before it is that page again, reached through a token that leads back: it
        /// is not written, and the listing stops.
        /// </summary>
        public PageWalker<TPage> DetectingRepeatedPages(Func<TPage, string> firstItemKey)
        {
            firstItemKeyOf = firstItemKey;
            return this;
        }

        /// <summary>The number of the page last asked for, counting from 1.</summary>
        public int PageNumber { get; private set; }

        /// <summary>The token that asks for the next page (or the one that just failed).</summary>
        public string CurrentToken { get; private set; }

        /// <summary>True once a page came without a NextToken.</summary>
        public bool IsFinished { get; private set; }

        /// <summary>True while there is a next page to ask for.</summary>
        public bool CanContinue => !IsFinished && stopReason == null;

        /// <summary>
        /// Fetches the next page. Any failure comes back as a <see cref="PagingException"/>
        /// whose inner exception is the cause; the walker's state still names the failed page.
        /// </summary>
        public TPage NextPage(CancellationToken cancellationToken)
        {
            ThrowIfCannotContinue();
            return Receive(() => fetchPage(CurrentToken, cancellationToken));
        }

        /// <summary>
        /// Starts asking for the next page on a pool thread and returns at once, so that the
        /// caller can go on writing the page before; <see cref="NextPage(Task{TPage})"/> then
        /// takes the answer.
        /// </summary>
        public Task<TPage> StartNextPage(CancellationToken cancellationToken)
        {
            ThrowIfCannotContinue();
            var token = CurrentToken;
            return Task.Run(() => fetchPage(token, cancellationToken));
        }

        /// <summary>
        /// Takes the answer to <see cref="StartNextPage"/>, waiting for it if need be, with the
        /// same checks and failures as <see cref="NextPage(CancellationToken)"/>.
        /// </summary>
        public TPage NextPage(Task<TPage> started)
        {
            if (started == null) throw new ArgumentNullException(nameof(started));
            return Receive(() => started);
        }

        private void ThrowIfCannotContinue()
        {
            if (IsFinished) throw new InvalidOperationException("The listing has ended.");

            // A page that cannot be followed was still a real answer: its items were returned,
            // and only the request after it is refused.
            if (stopReason != null) throw new PagingException(stopReason);
        }

        private TPage Receive(Func<Task<TPage>> fetch)
        {
            PageNumber++;
            TPage page;
            try
            {
                page = fetch().GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                throw new PagingException(exception);
            }

            var firstItemKey = firstItemKeyOf?.Invoke(page);
            if (firstItemKey != null && firstItemKey == previousFirstItemKey)
            {
                IsFinished = true;
                throw new PagingException(new RepeatedPageException(PageNumber));
            }
            previousFirstItemKey = firstItemKey ?? previousFirstItemKey;

            var nextToken = nextTokenOf(page);
            IsFinished = nextToken == null;
            if (IsFinished) return page;

            var pageWasEmpty = itemCountOf(page) == 0;
            emptyPagesInARow = pageWasEmpty ? emptyPagesInARow + 1 : 0;
            if (nextToken == CurrentToken)
            {
                stopReason = new RepeatedNextTokenException(nextToken, PageNumber, pageWasEmpty);
            }
            else if (emptyPagesInARow >= MaxEmptyPagesInARow)
            {
                stopReason = new StalledListingException(emptyPagesInARow, PageNumber);
            }
            CurrentToken = nextToken;
            return page;
        }
    }
}
