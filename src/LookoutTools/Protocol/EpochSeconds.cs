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

        // The whole seconds DateTime can hold, as longs: compared per version, so not decimal.
        private const long EarliestWholeSeconds = -62135596800;
        private const long LatestWholeSeconds = 253402300799;

        public static bool TryToDateTime(long seconds, out DateTime utc)
        {
            utc = default;
            if (seconds < EarliestWholeSeconds || seconds > LatestWholeSeconds) return false;

            utc = new DateTime(Epoch.Ticks + seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            return true;
        }

        /// <summary>
        /// Reads the common shape of a timestamp straight from its JSON digits: whole seconds
        /// with at most seven decimals (one tick), such as 1700000000.123, exactly and without
        /// going through decimal. Anything else (exponents, longer fractions) returns false
        /// and is left to <see cref="TryToDateTime(decimal, out DateTime)"/>.
        /// </summary>
        public static bool TryParseTicksExactly(ReadOnlySpan<byte> number, out DateTime utc)
        {
            utc = default;
            var negative = number.Length > 0 && number[0] == (byte)'-';
            var position = negative ? 1 : 0;

            long wholeSeconds = 0;
            var wholeDigits = 0;
            while (position < number.Length && IsDigit(number[position]))
            {
                if (++wholeDigits > 12) return false;
                wholeSeconds = wholeSeconds * 10 + (number[position++] - '0');
            }
            if (wholeDigits == 0) return false;

            long fractionTicks = 0;
            if (position < number.Length && number[position] == (byte)'.')
            {
                position++;
                var fractionDigits = 0;
                while (position < number.Length && IsDigit(number[position]))
                {
                    if (++fractionDigits > 7) return false;
                    fractionTicks = fractionTicks * 10 + (number[position++] - '0');
                }
                if (fractionDigits == 0) return false;
                for (var scale = fractionDigits; scale < 7; scale++) fractionTicks *= 10;
            }
            if (position != number.Length) return false;

            var ticks = wholeSeconds * TimeSpan.TicksPerSecond + fractionTicks;
            if (negative) ticks = -ticks;
            ticks += Epoch.Ticks;
            if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return false;

            utc = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        private static bool IsDigit(byte character) => character >= '0' && character <= '9';

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
