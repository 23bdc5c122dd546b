using System;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class EpochSecondsTests
    {
        [Theory]
        [InlineData("1970-01-01T00:00:00.000Z", "0")]
        [InlineData("2024-01-01T00:00:00.000Z", "1704067200")]
        [InlineData("2024-01-01T00:00:00.500Z", "1704067200.5")]
        [InlineData("2024-01-01T00:00:00.120Z", "1704067200.12")]
        [InlineData("2024-01-01T00:00:00.123Z", "1704067200.123")]
        [InlineData("1969-12-31T23:59:59.000Z", "-1")]
        [InlineData("9999-12-31T23:59:59.999Z", "253402300799.999")]
        public void FormatWritesNoTrailingZeros(string isoTime, string expected)
        {
            var time = DateTime.Parse(isoTime, null,
                System.Globalization.DateTimeStyles.AdjustToUniversal
                | System.Globalization.DateTimeStyles.AssumeUniversal);

            Assert.Equal(expected, EpochSeconds.Format(EpochSeconds.FromDateTime(time)));
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(1_704_067_200_123L)]
        [InlineData(-1_000L)]
        [InlineData(253_402_300_799_999L)]
        [InlineData(-62_135_596_800_000L)]
        public void MillisecondTimesRoundTrip(long millisecondsSinceEpoch)
        {
            var time = DateTime.UnixEpoch.AddMilliseconds(millisecondsSinceEpoch);

            var seconds = EpochSeconds.FromDateTime(time);

            Assert.Equal(millisecondsSinceEpoch / 1000m, seconds);
            Assert.True(EpochSeconds.TryToDateTime(seconds, out var back));
            Assert.Equal(time, back);
            Assert.Equal(DateTimeKind.Utc, back.Kind);
        }

        [Fact]
        public void FromDateTimeDropsTicksBelowAMillisecond()
        {
            var time = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_239_999);

            Assert.Equal(1_704_067_200.123m, EpochSeconds.FromDateTime(time));
        }

        [Fact]
        public void TryToDateTimeKeepsFractionsFinerThanAMillisecond()
        {
            Assert.True(EpochSeconds.TryToDateTime(1.0000001m, out var time));

            Assert.Equal(DateTime.UnixEpoch.AddTicks(TimeSpan.TicksPerSecond + 1), time);
        }

        [Fact]
        public void ToUtcLeavesUtcAloneAndTreatsUnspecifiedAsLocal()
        {
            var utc = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
            var unspecified = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Unspecified);

            Assert.Equal(utc, EpochSeconds.ToUtc(utc));
            Assert.Equal(
                DateTime.SpecifyKind(unspecified, DateTimeKind.Local).ToUniversalTime(),
                EpochSeconds.ToUtc(unspecified));
            Assert.Equal(DateTimeKind.Utc, EpochSeconds.ToUtc(unspecified).Kind);
        }

        [Theory]
        [InlineData("253402300800")] // 10000-01-01, one second past DateTime.MaxValue
        [InlineData("-62135596801")] // one second before 0001-01-01
        [InlineData("1e20")]
        [InlineData("-1e20")]
        public void TryToDateTimeRefusesTimesOutsideDateTime(string seconds)
        {
            var value = decimal.Parse(seconds, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture);

            Assert.False(EpochSeconds.TryToDateTime(value, out var time));
            Assert.Equal(default, time);
        }

        // Seconds beyond about 7.9e21 overflow decimal once multiplied into ticks; the answer
        // must still be "no", because the parser relies on it to reject such a CreatedAt.
        [Theory]
        [InlineData("1e22")]
        [InlineData("-1e22")]
        [InlineData("79228162514264337593543950335")]
        public void TryToDateTimeRefusesSecondsTooLargeToConvertToTicks(string seconds)
        {
            var value = decimal.Parse(seconds, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture);

            Assert.False(EpochSeconds.TryToDateTime(value, out _));
        }

        // The digit reader must agree exactly with the decimal path wherever it answers, and
        // leave every other shape to it.
        [Theory]
        [InlineData("0")]
        [InlineData("1704067200")]
        [InlineData("1704067200.5")]
        [InlineData("1704067200.123")]
        [InlineData("1704067200.1234567")]
        [InlineData("-1.25")]
        [InlineData("-62135596800")]
        [InlineData("253402300799.9999999")]
        [InlineData("0.0000001")]
        public void DigitReaderAgreesWithTheDecimalPath(string seconds)
        {
            var viaDecimal = EpochSeconds.TryToDateTime(decimal.Parse(seconds,
                System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture), out var expected);

            var viaDigits = EpochSeconds.TryParseTicksExactly(
                System.Text.Encoding.ASCII.GetBytes(seconds), out var time);

            Assert.True(viaDecimal);
            Assert.True(viaDigits);
            Assert.Equal(expected, time);
            Assert.Equal(DateTimeKind.Utc, time.Kind);
        }

        [Theory]
        [InlineData("")]
        [InlineData("-")]
        [InlineData("1e9")]
        [InlineData("1E9")]
        [InlineData("1.")]
        [InlineData(".5")]
        [InlineData("1704067200.12345678")] // finer than a tick: decimal rounds it
        [InlineData("1234567890123")] // 13 digits of seconds is past year 9999 anyway
        [InlineData("253402300800")]
        [InlineData("-62135596801")]
        [InlineData("+5")]
        public void DigitReaderLeavesOtherShapesToTheDecimalPath(string seconds)
        {
            Assert.False(EpochSeconds.TryParseTicksExactly(
                System.Text.Encoding.ASCII.GetBytes(seconds), out var time));
            Assert.Equal(default, time);
        }

        [Fact]
        public void DigitReaderAgreesWithTheDecimalPathOnRandomTimes()
        {
            var random = new Random(20261204);
            for (var sample = 0; sample < 5000; sample++)
            {
                var whole = (long)(random.NextDouble() * 4_000_000_000L) - 1_000_000_000L;
                var decimals = random.Next(0, 8);
                var fraction = decimals == 0
                    ? ""
                    : "." + random.Next(0, 10_000_000).ToString("D7").Substring(0, decimals);
                var text = whole.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + fraction;

                Assert.True(EpochSeconds.TryToDateTime(decimal.Parse(text,
                    System.Globalization.CultureInfo.InvariantCulture), out var expected));
                Assert.True(EpochSeconds.TryParseTicksExactly(
                    System.Text.Encoding.ASCII.GetBytes(text), out var time), text);
                Assert.Equal(expected, time);
            }
        }
    }
}
