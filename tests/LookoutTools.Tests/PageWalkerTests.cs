using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LookoutTools.Listing;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class PageWalkerTests
    {
        /// <summary>
        /// A page for these tests: how many items, and the token of the next page.
        /// </summary>
        private sealed class Page
        {
            public Page(int items, string nextToken)
            {
                Items = items;
                NextToken = nextToken;
            }

            public int Items { get; }

            public string NextToken { get; }
        }

        private static PageWalker<Page> WalkerOver(List<string> askedWith,
            Func<string, Page> answer, string firstToken = null)
        {
            return new PageWalker<Page>(firstToken, (token, _) =>
            {
                askedWith.Add(token);
                return Task.FromResult(answer(token));
            }, page => page.Items, page => page.NextToken);
        }

        [Fact]
        public void FollowsEachTokenToTheLastPage()
        {
            var asked = new List<string>();
            var walker = WalkerOver(asked, token => token == null ? new Page(2, "b")
                : token == "b" ? new Page(2, "c") : new Page(1, null));

            var pages = 0;
            while (!walker.IsFinished)
            {
                walker.NextPage(CancellationToken.None);
                pages++;
            }

            Assert.Equal(3, pages);
            Assert.Equal(3, walker.PageNumber);
            Assert.Equal(new string[] { null, "b", "c" }, asked);
            Assert.Throws<InvalidOperationException>(() => walker.NextPage(CancellationToken.None));
        }

        [Fact]
        public void StartsFromTheTokenItIsGiven()
        {
            var asked = new List<string>();
            var walker = WalkerOver(asked, _ => new Page(1, null), firstToken: "resume-here");

            walker.NextPage(CancellationToken.None);

            Assert.Equal(new[] { "resume-here" }, asked);
        }

        [Fact]
        public void AFailureNamesThePageAndTheTokenThatAskedForIt()
        {
            var asked = new List<string>();
            var walker = WalkerOver(asked, token => token == "b"
                ? throw new TimeoutException("slow")
                : new Page(5, "b"));

            walker.NextPage(CancellationToken.None);
            var failure = Assert.Throws<PagingException>(
                () => walker.NextPage(CancellationToken.None));

            Assert.IsType<TimeoutException>(failure.InnerException);
            Assert.Equal(2, walker.PageNumber);
            Assert.Equal("b", walker.CurrentToken);
            Assert.False(walker.IsFinished);
        }

        [Fact]
        public void AFaultedTaskIsReportedTheSameWay()
        {
            var walker = new PageWalker<Page>(null,
                (_, _) => Task.FromException<Page>(new InvalidOperationException("broken")),
                page => page.Items, page => page.NextToken);

            var failure = Assert.Throws<PagingException>(
                () => walker.NextPage(CancellationToken.None));

            Assert.IsType<InvalidOperationException>(failure.InnerException);
        }

        [Fact]
        public void StopsAnEndpointThatRepeatsItsToken()
        {
            var asked = new List<string>();
            var walker = WalkerOver(asked, _ => new Page(1, "same"));

            walker.NextPage(CancellationToken.None);
            walker.NextPage(CancellationToken.None);
            var failure = Assert.Throws<PagingException>(
                () => walker.NextPage(CancellationToken.None));

            Assert.IsType<RepeatedNextTokenException>(failure.InnerException);
            Assert.Equal(new string[] { null, "same" }, asked);
        }

        [Fact]
        public void OffersToResumeOnlyWhenTheRepeatingPageWasEmpty()
        {
            var emptyWalker = WalkerOver(new List<string>(), token =>
                token == null ? new Page(2, "b") : new Page(0, "b"));
            var fullWalker = WalkerOver(new List<string>(), token =>
                token == null ? new Page(2, "b") : new Page(2, "b"));

            var emptyFailure = RepeatedTokenFailureOf(emptyWalker);
            var fullFailure = RepeatedTokenFailureOf(fullWalker);

            Assert.True(emptyFailure.PageWasEmpty);
            Assert.Equal("b", emptyFailure.ResumeToken);
            Assert.False(fullFailure.PageWasEmpty);
            Assert.Null(fullFailure.ResumeToken);
        }

        private static RepeatedNextTokenException RepeatedTokenFailureOf(PageWalker<Page> walker)
        {
            walker.NextPage(CancellationToken.None);
            walker.NextPage(CancellationToken.None);
            var failure = Assert.Throws<PagingException>(
                () => walker.NextPage(CancellationToken.None));
            return Assert.IsType<RepeatedNextTokenException>(failure.InnerException);
        }

        [Fact]
        public void APageStartedAheadIsTakenWithTheSameChecksAndNumbering()
        {
            var asked = new List<string>();
            var walker = WalkerOver(asked, token => token == null ? new Page(2, "b")
                : token == "b" ? new Page(2, "c") : new Page(1, null));

            walker.NextPage(CancellationToken.None);
            var second = walker.StartNextPage(CancellationToken.None);
            Assert.Equal(1, walker.PageNumber);
            walker.NextPage(second);
            var third = walker.StartNextPage(CancellationToken.None);
            walker.NextPage(third);

            Assert.Equal(3, walker.PageNumber);
            Assert.True(walker.IsFinished);
            Assert.False(walker.CanContinue);
            Assert.Equal(new string[] { null, "b", "c" }, asked);
            // Refused at once, on the caller's thread, not in the task it would return.
            Assert.Throws<InvalidOperationException>(() => StartAfterTheEnd(walker));
        }

        private static void StartAfterTheEnd(PageWalker<Page> walker)
        {
            walker.StartNextPage(CancellationToken.None);
        }

        [Fact]
        public void APageStartedAheadThatFailsNamesThatPage()
        {
            var walker = new PageWalker<Page>(null, (token, _) => token == null
                    ? Task.FromResult(new Page(2, "b"))
                    : Task.FromException<Page>(new TimeoutException("slow")),
                page => page.Items, page => page.NextToken);

            walker.NextPage(CancellationToken.None);
            var failure = Assert.Throws<PagingException>(
                () => walker.NextPage(walker.StartNextPage(CancellationToken.None)));

            Assert.IsType<TimeoutException>(failure.InnerException);
            Assert.Equal(2, walker.PageNumber);
            Assert.Equal("b", walker.CurrentToken);
        }

        [Fact]
        public void StopsAnEndpointThatSendsEmptyPagesWithoutEnd()
        {
            var counter = 0;
            var walker = WalkerOver(new List<string>(), _ => new Page(0, "t" + counter++));

            PagingException failure = null;
            for (var page = 0; page < PageWalker<Page>.MaxEmptyPagesInARow + 5; page++)
            {
                try
                {
                    walker.NextPage(CancellationToken.None);
                }
                catch (PagingException exception)
                {
                    failure = exception;
                    break;
                }
            }

            Assert.NotNull(failure);
            Assert.IsType<StalledListingException>(failure.InnerException);
            Assert.Equal(PageWalker<Page>.MaxEmptyPagesInARow, walker.PageNumber);
        }

        [Fact]
        public void AnEmptyPageBetweenFullOnesIsFine()
        {
            var walker = WalkerOver(new List<string>(), token => token == null
                ? new Page(0, "b")
                : new Page(3, null));

            walker.NextPage(CancellationToken.None);
            var last = walker.NextPage(CancellationToken.None);

            Assert.Equal(3, last.Items);
            Assert.True(walker.IsFinished);
        }

        [Fact]
        public void PassesTheCancellationTokenToEachRequest()
        {
            using (var source = new CancellationTokenSource())
            {
                CancellationToken seen = default;
                var walker = new PageWalker<Page>(null, (_, token) =>
                {
                    seen = token;
                    return Task.FromResult(new Page(0, null));
                }, page => page.Items, page => page.NextToken);

                walker.NextPage(source.Token);

                Assert.Equal(source.Token, seen);
            }
        }
    }
}
