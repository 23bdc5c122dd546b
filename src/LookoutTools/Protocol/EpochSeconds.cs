using System;
using System.Globalization;

namespace LookoutTools.Protocol
{
    /// <summary>
    /// The service's timestamp format: seconds since 1970-01-01T00:00:00Z as a JSON number,
    /// with a fraction when the time is not a whole second.
    /// </summary>
    public static class EpochSeconds
    {
        private static readonly DateTime Epoch =
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>
        /// Milliseconds are the finest step the service stores, so finer ticks are dropped
        /// rather than sent as a long fraction.
        /// </summary>
        public static decimal FromDateTime(DateTime time)
        {
            var utc = ToUtc(time);
            var milliseconds = (utc.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;
            return milliseconds / 1000m;
        }

        /// <summary>Formats without trailing zeros: 1700000000 or 1700000000.5.</summary>
        public static string Format(decimal seconds)
        {
            return seconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        private static readonly decimal EarliestSeconds =
            (DateTime.MinValue.Ticks - Epoch.Ticks) / (decimal)TimeSpan.TicksPerSecond;

        private static readonly decimal LatestSeconds =
            (DateTime.MaxValue.Ticks - Epoch.Ticks) / (decimal)TimeSpan.TicksPerSecond;

        public static bool TryToDateTime(long seconds, out DateTime utc)
        {
            utc = default;
            if (seconds < EarliestSeconds || seconds > LatestSeconds) return false;

            utc = new DateTime(Epoch.Ticks + seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            return true;
        }

        public static bool TryToDateTime(decimal seconds, out DateTime utc)
        {
            utc = default;

            // Checked before multiplying: a huge value would overflow decimal itself.
            if (seconds < EarliestSeconds || seconds > LatestSeconds) return false;

            var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond) + Epoch.Ticks;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;

            utc = new DateTime((long)ticks, DateTimeKind.Utc);
            return true;
        }

        /// <summary>
        /// An unspecified kind means local time, as everywhere else in PowerShell.
        /// </summary>
        public static DateTime ToUtc(DateTime time)
        {
            return time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
        }
    }
}
