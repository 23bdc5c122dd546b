using System;
using System.Text;
using System.Text.Json;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class ListModelVersionsBodyTests
    {
        private static readonly DateTime NewYear2024 =
            new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private static string BodyOf(ListModelVersionsQuery query)
        {
            return Encoding.UTF8.GetString(ListModelVersionsBody.Write(query));
        }

        [Fact]
        public void OnlyTheModelNameIsWrittenWhenNothingElseIsSet()
        {
            var body = BodyOf(new ListModelVersionsQuery { ModelName = "pump-7" });

            Assert.Equal("{\"ModelName\":\"pump-7\"}", body);
        }

        [Fact]
        public void TheTargetNamesTheOperationOnTheFrontendService()
        {
            Assert.Equal(
                "AWSLookoutEquipmentFrontendService.ListModelVersions",
                ListModelVersionsBody.Target);
        }

        public static TheoryData<string, ListModelVersionsQuery, string> EachFilterAlone()
        {
            return new TheoryData<string, ListModelVersionsQuery, string>
            {
                {
                    "NextToken",
                    new ListModelVersionsQuery { ModelName = "m", NextToken = "abc" },
                    "{\"ModelName\":\"m\",\"NextToken\":\"abc\"}"
                },
                {
                    "MaxResults",
                    new ListModelVersionsQuery { ModelName = "m", MaxResults = 500 },
                    "{\"ModelName\":\"m\",\"MaxResults\":500}"
                },
                {
                    "Status",
                    new ListModelVersionsQuery { ModelName = "m", Status = "SUCCESS" },
                    "{\"ModelName\":\"m\",\"Status\":\"SUCCESS\"}"
                },
                {
                    "SourceType",
                    new ListModelVersionsQuery { ModelName = "m", SourceType = "RETRAINING" },
                    "{\"ModelName\":\"m\",\"SourceType\":\"RETRAINING\"}"
                },
                {
                    "CreatedAtStartTime",
                    new ListModelVersionsQuery
                    {
                        ModelName = "m",
                        CreatedAtStartTime = NewYear2024,
                    },
                    "{\"ModelName\":\"m\",\"CreatedAtStartTime\":1704067200}"
                },
                {
                    "CreatedAtEndTime",
                    new ListModelVersionsQuery { ModelName = "m", CreatedAtEndTime = NewYear2024 },
                    "{\"ModelName\":\"m\",\"CreatedAtEndTime\":1704067200}"
                },
                {
                    "MinModelVersion",
                    new ListModelVersionsQuery { ModelName = "m", MinModelVersion = 1 },
                    "{\"ModelName\":\"m\",\"MinModelVersion\":1}"
                },
                {
                    "MaxModelVersion",
                    new ListModelVersionsQuery { ModelName = "m", MaxModelVersion = long.MaxValue },
                    "{\"ModelName\":\"m\",\"MaxModelVersion\":9223372036854775807}"
                },
            };
        }

        [Theory]
        [MemberData(nameof(EachFilterAlone))]
        public void EachFilterAloneIsWrittenBesideTheModelName(
            string filter, ListModelVersionsQuery query, string expected)
        {
            Assert.Equal(expected, BodyOf(query));
            Assert.Contains("\"" + filter + "\"", expected);
        }

        [Fact]
        public void AllMembersTogetherAreWrittenInTheApiModelsOrder()
        {
            var query = new ListModelVersionsQuery
            {
                ModelName = "pump-7",
                NextToken = "token-1",
                MaxResults = 500,
                Status = "SUCCESS",
                SourceType = "TRAINING",
                CreatedAtStartTime = NewYear2024,
                CreatedAtEndTime = NewYear2024.AddDays(1).AddMilliseconds(500),
                MinModelVersion = 2,
                MaxModelVersion = long.MaxValue,
            };

            // The order of the API model, as AWS's JavaScript SDK writes it.
            var expected = "{"
                + "\"ModelName\":\"pump-7\","
                + "\"NextToken\":\"token-1\","
                + "\"MaxResults\":500,"
                + "\"Status\":\"SUCCESS\","
                + "\"SourceType\":\"TRAINING\","
                + "\"CreatedAtEndTime\":1704153600.5,"
                + "\"CreatedAtStartTime\":1704067200,"
                + "\"MaxModelVersion\":9223372036854775807,"
                + "\"MinModelVersion\":2"
                + "}";
            Assert.Equal(expected, BodyOf(query));
        }

        [Theory]
        [InlineData(0L, "1704067200")]
        [InlineData(5_000_000L, "1704067200.5")]
        [InlineData(1_230_000L, "1704067200.123")]
        [InlineData(1_000_000L, "1704067200.1")]
        [InlineData(10_000L, "1704067200.001")]
        // Ticks finer than a millisecond are dropped, not rounded.
        [InlineData(1_239_999L, "1704067200.123")]
        [InlineData(9_999L, "1704067200")]
        public void TimestampsAreEpochSecondsWithAtMostMilliseconds(
            long ticksAfter, string expected)
        {
            var query = new ListModelVersionsQuery
            {
                ModelName = "m",
                CreatedAtStartTime = NewYear2024.AddTicks(ticksAfter),
            };

            Assert.Equal(
                "{\"ModelName\":\"m\",\"CreatedAtStartTime\":" + expected + "}", BodyOf(query));
        }

        [Theory]
        [InlineData(DateTimeKind.Local)]
        [InlineData(DateTimeKind.Unspecified)]
        public void NonUtcTimesAreConvertedToUtcFirst(DateTimeKind kind)
        {
            // Whatever this machine's zone, the expected value comes from the same conversion
            // that PowerShell users rely on: an unspecified kind is local time.
            var wallClock = new DateTime(2024, 6, 15, 12, 30, 45, 250, kind);
            var utc = DateTime.SpecifyKind(wallClock, DateTimeKind.Local).ToUniversalTime();
            var expectedSeconds = (utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond
                / 1000m;
            var expected = expectedSeconds.ToString("0.###",
                System.Globalization.CultureInfo.InvariantCulture);

            var body = BodyOf(new ListModelVersionsQuery
            {
                ModelName = "m",
                CreatedAtEndTime = wallClock,
            });

            Assert.Equal("{\"ModelName\":\"m\",\"CreatedAtEndTime\":" + expected + "}", body);
        }

        [Fact]
        public void TheLargestPageSizeAndVersionNumbersAreWrittenInFull()
        {
            var body = BodyOf(new ListModelVersionsQuery
            {
                ModelName = "m",
                MaxResults = 500,
                MinModelVersion = long.MaxValue,
                MaxModelVersion = long.MaxValue,
            });

            Assert.Equal(
                "{\"ModelName\":\"m\",\"MaxResults\":500,"
                + "\"MaxModelVersion\":9223372036854775807,"
                + "\"MinModelVersion\":9223372036854775807}",
                body);
        }

        [Theory]
        [InlineData("quote\"back\\slash")]
        [InlineData("line\nfeed\ttab\u0001control")]
        [InlineData("base64+/=padding==")]
        [InlineData("<html>&'`")]
        [InlineData("caf\u00e9 \u2603")]
        public void NextTokensThatNeedEscapingSurviveAJsonRoundTrip(string token)
        {
            var body = ListModelVersionsBody.Write(
                new ListModelVersionsQuery { ModelName = "m", NextToken = token });

            using var document = JsonDocument.Parse(body);
            Assert.Equal(token, document.RootElement.GetProperty("NextToken").GetString());
        }

        // The writer promises bodies that compare byte for byte with those of AWS's own SDKs,
        // which escape only what JSON requires (JSON.stringify in the JavaScript SDK).
        [Theory]
        [InlineData("quote\"back\\slash", "quote\\\"back\\\\slash")]
        [InlineData("line\nfeed\ttab", "line\\nfeed\\ttab")]
        [InlineData("unit\u0001separator", "unit\\u0001separator")]
        [InlineData("base64+/=padding==", "base64+/=padding==")]
        [InlineData("<html>&'`", "<html>&'`")]
        public void NextTokensAreEscapedAsAwsSdksEscapeThem(string token, string expectedJson)
        {
            var body = BodyOf(new ListModelVersionsQuery { ModelName = "m", NextToken = token });

            Assert.Equal("{\"ModelName\":\"m\",\"NextToken\":\"" + expectedJson + "\"}", body);
        }
    }
}
