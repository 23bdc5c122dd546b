using System;
using System.Linq;
using LookoutTools.Completion;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class ModelNameCacheTests
    {
        private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(5);

        private DateTime now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private ModelNameCache NewCache()
        {
            return new ModelNameCache(Lifetime, FailureLifetime, () => now);
        }

        private static ModelNameCandidate[] Names(params string[] names)
        {
            return names.Select(name => new ModelNameCandidate(name, name)).ToArray();
        }

        private static string[] NamesIn(
            System.Collections.Generic.IReadOnlyList<ModelNameCandidate> found)
        {
            return found?.Select(candidate => candidate.ModelName).ToArray();
        }

        [Fact]
        public void AnswersWhatWasStoredForTheSameConnectionAndPrefix()
        {
            var cache = NewCache();
            cache.Add("endpoint-a", "pu", Names("pump-1", "pump-2"), isComplete: false);

            Assert.Equal(new[] { "pump-1", "pump-2" }, NamesIn(cache.Find("endpoint-a", "pu")));
            Assert.Null(cache.Find("endpoint-b", "pu"));
            Assert.Null(cache.Find("endpoint-a", "p"));
        }

        [Fact]
        public void NarrowsACompleteAnswerForALongerPrefix()
        {
            var cache = NewCache();
            cache.Add("c", "p", Names("pump-1", "pump-2", "press-9"), isComplete: true);

            Assert.Equal(new[] { "pump-1", "pump-2" }, NamesIn(cache.Find("c", "pu")));
            Assert.Equal(new[] { "pump-2" }, NamesIn(cache.Find("c", "pump-2")));
            Assert.Empty(cache.Find("c", "pz"));
        }

        [Fact]
        public void DoesNotNarrowAnAnswerThatWasOnlyTheFirstPage()
        {
            var cache = NewCache();
            cache.Add("c", "p", Names("pump-1"), isComplete: false);

            Assert.Null(cache.Find("c", "pu"));
        }

        [Fact]
        public void NarrowsCaseSensitivelyAsTheServiceMatches()
        {
            var cache = NewCache();
            cache.Add("c", "", Names("Pump-1", "pump-2"), isComplete: true);

            Assert.Equal(new[] { "pump-2" }, NamesIn(cache.Find("c", "pu")));
        }

        [Fact]
        public void ForgetsAnswersAfterTheirLifetime()
        {
            var cache = NewCache();
            cache.Add("c", "pu", Names("pump-1"), isComplete: true);

            now += Lifetime - TimeSpan.FromSeconds(1);
            Assert.NotNull(cache.Find("c", "pu"));
            now += TimeSpan.FromSeconds(1);
            Assert.Null(cache.Find("c", "pu"));
        }

        [Fact]
        public void KeepsAFailureForTheShorterTime()
        {
            var cache = NewCache();
            cache.AddFailure("c");

            Assert.Empty(cache.Find("c", "pu"));
            now += FailureLifetime;
            Assert.Null(cache.Find("c", "pu"));
        }

        [Fact]
        public void AFailureHoldsBackEveryPrefixOfThatConnectionOnly()
        {
            var cache = NewCache();
            cache.AddFailure("dead-endpoint");

            Assert.Empty(cache.Find("dead-endpoint", "pu"));
            Assert.Empty(cache.Find("dead-endpoint", "pump-7"));
            Assert.Empty(cache.Find("dead-endpoint", "fan"));
            Assert.Empty(cache.Find("dead-endpoint", ""));
            Assert.Null(cache.Find("other-endpoint", "pu"));
        }

        [Fact]
        public void AFailureKeepsNamesCachedBeforeIt()
        {
            var cache = NewCache();
            cache.Add("c", "p", Names("pump-1", "press-9"), isComplete: true);

            cache.AddFailure("c");

            Assert.Equal(new[] { "pump-1" }, NamesIn(cache.Find("c", "pu")));
            Assert.Empty(cache.Find("c", "f"));
        }

        [Fact]
        public void StaysSmallWhenManyConnectionsFail()
        {
            var cache = NewCache();
            for (var index = 0; index < 1000; index++)
            {
                cache.AddFailure("endpoint-" + index);
            }

            Assert.Empty(cache.Find("endpoint-999", "pu"));
            Assert.Null(cache.Find("endpoint-0", "pu"));
        }

        [Fact]
        public void StaysSmallWhenManyPrefixesAreAsked()
        {
            var cache = NewCache();
            for (var index = 0; index < 1000; index++)
            {
                cache.Add("c", "prefix" + index, Names("x"), isComplete: false);
            }

            Assert.NotNull(cache.Find("c", "prefix999"));
            Assert.Null(cache.Find("c", "prefix0"));
        }

        [Fact]
        public void ClearForgetsEverything()
        {
            var cache = NewCache();
            cache.Add("c", "pu", Names("pump-1"), isComplete: true);
            cache.AddFailure("dead");

            cache.Clear();

            Assert.Null(cache.Find("c", "pu"));
            Assert.Null(cache.Find("dead", "pu"));
        }
    }
}
