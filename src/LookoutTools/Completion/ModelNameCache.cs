using System;
using System.Collections.Generic;

namespace LookoutTools.Completion
{
    /// <summary>
    /// Model names recently fetched for completion, per connection and typed prefix. A full
    /// answer for a shorter prefix also answers every longer one, so typing on after a Tab asks
    /// the endpoint nothing more. A failure holds back the whole connection (endpoint,
    /// identity and region) for a shorter time, whatever prefix is typed next: a dead endpoint
    /// costs one wait rather than one per prefix, and a restarted one is seen again soon.
    /// </summary>
    public sealed class ModelNameCache
    {
        private const int MaxEntries = 64;

        private static readonly IReadOnlyList<ModelNameCandidate> NoNames =
            Array.Empty<ModelNameCandidate>();

        private readonly object gate = new object();
        private readonly Dictionary<string, Entry> entries =
            new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTime> failedUntil =
            new Dictionary<string, DateTime>(StringComparer.Ordinal);
        private readonly TimeSpan lifetime;
        private readonly TimeSpan failureLifetime;
        private readonly Func<DateTime> utcNow;

        public ModelNameCache(TimeSpan lifetime, TimeSpan failureLifetime,
            Func<DateTime> utcNow = null)
        {
            this.lifetime = lifetime;
            this.failureLifetime = failureLifetime;
            this.utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>
        /// The cached names that begin with <paramref name="prefix"/>, or null when the endpoint
        /// has to be asked. An empty list is a prefix that matched nothing, or one not cached
        /// for a connection that failed lately.
        /// </summary>
        public IReadOnlyList<ModelNameCandidate> Find(string connectionKey, string prefix)
        {
            lock (gate)
            {
                var now = utcNow();
                for (var length = prefix.Length; length >= 0; length--)
                {
                    var key = Key(connectionKey, prefix.Substring(0, length));
                    if (!entries.TryGetValue(key, out var entry) || entry.Expires <= now) continue;

                    if (length == prefix.Length) return entry.Names;
                    if (entry.IsComplete) return StartingWith(entry.Names, prefix);
                }

                // Names fetched before the failure are still good; only asking again waits.
                var failedLately = failedUntil.TryGetValue(connectionKey, out var until)
                    && until > now;
                return failedLately ? NoNames : null;
            }
        }

        /// <param name="isComplete">True when the names are every match, not a first page.</param>
        public void Add(string connectionKey, string prefix,
            IReadOnlyList<ModelNameCandidate> names, bool isComplete)
        {
            Store(connectionKey, prefix, new Entry(names, isComplete, utcNow() + lifetime));
        }

        /// <summary>
        /// Records that the connection failed: for the failure lifetime every prefix finds no
        /// names, so the prompt waits for a dead endpoint once, not once per prefix typed.
        /// </summary>
        public void AddFailure(string connectionKey)
        {
            lock (gate)
            {
                var now = utcNow();
                if (failedUntil.Count >= MaxEntries)
                {
                    RemoveExpired(failedUntil, until => until, now);
                }
                if (failedUntil.Count >= MaxEntries) failedUntil.Clear();
                failedUntil[connectionKey] = now + failureLifetime;
            }
        }

        public void Clear()
        {
            lock (gate)
            {
                entries.Clear();
                failedUntil.Clear();
            }
        }

        private void Store(string connectionKey, string prefix, Entry entry)
        {
            lock (gate)
            {
                var now = utcNow();
                if (entries.Count >= MaxEntries)
                {
                    RemoveExpired(entries, cached => cached.Expires, now);
                }
                if (entries.Count >= MaxEntries) entries.Clear();
                entries[Key(connectionKey, prefix)] = entry;
            }
        }

        private static void RemoveExpired<T>(Dictionary<string, T> items,
            Func<T, DateTime> expiresOf, DateTime now)
        {
            var expired = new List<string>();
            foreach (var pair in items)
            {
                if (expiresOf(pair.Value) <= now) expired.Add(pair.Key);
            }
            foreach (var key in expired) items.Remove(key);
        }

        private static IReadOnlyList<ModelNameCandidate> StartingWith(
            IReadOnlyList<ModelNameCandidate> names, string prefix)
        {
            var matches = new List<ModelNameCandidate>();
            foreach (var name in names)
            {
                if (name.ModelName.StartsWith(prefix, StringComparison.Ordinal)) matches.Add(name);
            }
            return matches;
        }

        private static string Key(string connectionKey, string prefix)
        {
            return connectionKey + "\n" + prefix;
        }

        private sealed class Entry
        {
            public Entry(IReadOnlyList<ModelNameCandidate> names, bool isComplete, DateTime expires)
            {
                Names = names;
                IsComplete = isComplete;
                Expires = expires;
            }

            public IReadOnlyList<ModelNameCandidate> Names { get; }

            public bool IsComplete { get; }

            public DateTime Expires { get; }
        }
    }

    /// <summary>A model name offered for completion and the line that describes it.</summary>
    public sealed class ModelNameCandidate
    {
        public ModelNameCandidate(string modelName, string description)
        {
            ModelName = modelName;
            Description = description;
        }

        public string ModelName { get; }

        public string Description { get; }
    }
}
