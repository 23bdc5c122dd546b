using System;
using System.Text;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class ListModelVersionsPageTests
    {
        private const string ModelArn =
            "arn:aws:lookoutequipment:us-east-1:123456789012:model/pump-7/0b9b0c8e";

        internal const string FullPage = "{"
            + "\"ModelVersionSummaries\":["
            + "{\"ModelName\":\"pump-7\","
            + "\"ModelArn\":\"" + ModelArn + "\","
            + "\"ModelVersion\":3,"
            + "\"ModelVersionArn\":\"" + ModelArn + "/model-version/3\","
            + "\"CreatedAt\":1704067200.123,"
            + "\"Status\":\"SUCCESS\","
            + "\"SourceType\":\"RETRAINING\","
            + "\"ModelQuality\":\"QUALITY_THRESHOLD_MET\"},"
            + "{\"ModelName\":\"pump-7\",\"ModelVersion\":9223372036854775807,"
            + "\"CreatedAt\":1704067200,\"Status\":\"IN_PROGRESS\"}"
            + "],"
            + "\"NextToken\":\"next+page/token==\""
            + "}";

        private static ListModelVersionsPage Parse(string json)
        {
            return ListModelVersionsPage.Parse(Encoding.UTF8.GetBytes(json));
        }

        private static ResponseParseException Rejects(string json)
        {
            return Assert.Throws<ResponseParseException>(() => Parse(json));
        }

        [Fact]
        public void AFullPageFillsAllEightFields()
        {
            var page = Parse(FullPage);

            Assert.Equal("next+page/token==", page.NextToken);
            Assert.Equal(2, page.Summaries.Count);
            var first = page.Summaries[0];
            Assert.Equal("pump-7", first.ModelName);
            Assert.Equal(ModelArn, first.ModelArn);
            Assert.Equal(3L, first.ModelVersion);
            Assert.Equal(ModelArn + "/model-version/3", first.ModelVersionArn);
            Assert.Equal(
                new DateTime(2024, 1, 1, 0, 0, 0, 123, DateTimeKind.Utc), first.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, first.CreatedAt.Value.Kind);
            Assert.Equal("SUCCESS", first.Status);
            Assert.Equal("RETRAINING", first.SourceType);
            Assert.Equal("QUALITY_THRESHOLD_MET", first.ModelQuality);
            Assert.Equal(long.MaxValue, page.Summaries[1].ModelVersion);
        }

        [Fact]
        public void MissingOptionalFieldsAreNull()
        {
            var page = Parse("{\"ModelVersionSummaries\":[{}]}");

            var summary = Assert.Single(page.Summaries);
            Assert.Null(summary.ModelName);
            Assert.Null(summary.ModelArn);
            Assert.Null(summary.ModelVersion);
            Assert.Null(summary.ModelVersionArn);
            Assert.Null(summary.CreatedAt);
            Assert.Null(summary.Status);
            Assert.Null(summary.SourceType);
            Assert.Null(summary.ModelQuality);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void ExplicitNullsCountAsAbsent()
        {
            var page = Parse("{\"ModelVersionSummaries\":[{\"ModelName\":null,\"ModelArn\":null,"
                + "\"ModelVersion\":null,\"ModelVersionArn\":null,\"CreatedAt\":null,"
                + "\"Status\":null,\"SourceType\":null,\"ModelQuality\":null}],"
                + "\"NextToken\":null}");

            var summary = Assert.Single(page.Summaries);
            Assert.Null(summary.ModelName);
            Assert.Null(summary.ModelVersion);
            Assert.Null(summary.CreatedAt);
            Assert.Null(summary.ModelQuality);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void ANullListGivesNoSummaries()
        {
            Assert.Empty(Parse("{\"ModelVersionSummaries\":null}").Summaries);
        }

        [Fact]
        public void UnknownMembersAreSkippedAtEveryLevel()
        {
            var page = Parse("{\"Extra\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},"
                + "\"ModelVersionSummaries\":[{\"Future\":[[{}],{\"x\":[true,false]}],"
                + "\"ModelVersion\":7,\"Tags\":{\"k\":\"v\"},\"Score\":0.5}],"
                + "\"More\":[1,2,3],\"Flag\":true,\"NextToken\":\"t\",\"Tail\":null}");

            Assert.Equal(7L, Assert.Single(page.Summaries).ModelVersion);
            Assert.Equal("t", page.NextToken);
        }

        [Fact]
        public void EnumValuesThisBuildDoesNotKnowAreKeptAsStrings()
        {
            var page = Parse("{\"ModelVersionSummaries\":[{\"Status\":\"ARCHIVED\","
                + "\"SourceType\":\"CLONED\",\"ModelQuality\":\"QUALITY_UNKNOWN\"}]}");

            var summary = Assert.Single(page.Summaries);
            Assert.Equal("ARCHIVED", summary.Status);
            Assert.Equal("CLONED", summary.SourceType);
            Assert.Equal("QUALITY_UNKNOWN", summary.ModelQuality);
        }

        [Fact]
        public void AnEmptyNextTokenMeansTheLastPage()
        {
            Assert.Null(Parse("{\"ModelVersionSummaries\":[],\"NextToken\":\"\"}").NextToken);
        }

        [Fact]
        public void NoNextTokenMeansTheLastPage()
        {
            Assert.Null(Parse("{\"ModelVersionSummaries\":[]}").NextToken);
        }

        [Fact]
        public void AnEmptyObjectIsAnEmptyLastPage()
        {
            var page = Parse(" { } \r\n");

            Assert.Empty(page.Summaries);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void ValuesThatChangeFromVersionToVersionAreReadEachTime()
        {
            var page = Parse("{\"ModelVersionSummaries\":["
                + "{\"Status\":\"SUCCESS\",\"ModelName\":\"pump-7\"},"
                + "{\"Status\":\"FAILED\",\"ModelName\":\"pump-7\"},"
                + "{\"Status\":\"SUC\\u0043ESS\",\"ModelName\":\"pump-8\"},"
                + "{\"Status\":\"SUCCESS\"},"
                + "{\"Status\":null,\"ModelName\":\"pump-8\"}]}");

            Assert.Equal(new[] { "SUCCESS", "FAILED", "SUCCESS", "SUCCESS", null },
                Array.ConvertAll(ToArray(page), summary => summary.Status));
            Assert.Equal(new[] { "pump-7", "pump-7", "pump-8", null, "pump-8" },
                Array.ConvertAll(ToArray(page), summary => summary.ModelName));
            Assert.Same(page.Summaries[0].ModelName, page.Summaries[1].ModelName);
        }

        private static LookoutTools.Models.ModelVersionSummary[] ToArray(ListModelVersionsPage page)
        {
            var summaries = new LookoutTools.Models.ModelVersionSummary[page.Summaries.Count];
            for (var index = 0; index < summaries.Length; index++)
            {
                summaries[index] = page.Summaries[index];
            }
            return summaries;
        }

        [Fact]
        public void EscapedStringsAreUnescaped()
        {
            var page = Parse("{\"ModelVersionSummaries\":[{\"ModelName\":\"p\\u0075mp\"}],"
                + "\"NextToken\":\"a\\/b\\\"c\"}");

            Assert.Equal("pump", Assert.Single(page.Summaries).ModelName);
            Assert.Equal("a/b\"c", page.NextToken);
        }

        [Theory]
        [InlineData("{\"ModelVersionSummaries\":[{},{\"ModelVersion\":\"3\"}]}",
            "ModelVersionSummaries[1].ModelVersion")]
        [InlineData("{\"ModelVersionSummaries\":[{},{\"ModelVersion\":1.5}]}",
            "ModelVersionSummaries[1].ModelVersion")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelVersion\":9223372036854775808}]}",
            "ModelVersionSummaries[0].ModelVersion")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelVersion\":-9223372036854775809}]}",
            "ModelVersionSummaries[0].ModelVersion")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelName\":7}]}",
            "ModelVersionSummaries[0].ModelName")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelArn\":{}}]}",
            "ModelVersionSummaries[0].ModelArn")]
        [InlineData("{\"ModelVersionSummaries\":[{\"Status\":true}]}",
            "ModelVersionSummaries[0].Status")]
        [InlineData("{\"ModelVersionSummaries\":[{\"SourceType\":[]}]}",
            "ModelVersionSummaries[0].SourceType")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelQuality\":1}]}",
            "ModelVersionSummaries[0].ModelQuality")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelVersionArn\":false}]}",
            "ModelVersionSummaries[0].ModelVersionArn")]
        [InlineData("{\"ModelVersionSummaries\":[{\"CreatedAt\":\"2024-01-01T00:00:00Z\"}]}",
            "ModelVersionSummaries[0].CreatedAt")]
        [InlineData("{\"ModelVersionSummaries\":[{\"CreatedAt\":253402300800}]}",
            "ModelVersionSummaries[0].CreatedAt")]
        [InlineData("{\"ModelVersionSummaries\":[{\"CreatedAt\":-62135596801}]}",
            "ModelVersionSummaries[0].CreatedAt")]
        [InlineData("{\"ModelVersionSummaries\":[{\"CreatedAt\":1e400}]}",
            "ModelVersionSummaries[0].CreatedAt")]
        [InlineData("{\"ModelVersionSummaries\":[{},{},\"x\"]}", "ModelVersionSummaries[2]")]
        [InlineData("{\"ModelVersionSummaries\":{}}", "ModelVersionSummaries")]
        [InlineData("{\"ModelVersionSummaries\":\"none\"}", "ModelVersionSummaries")]
        [InlineData("{\"NextToken\":5}", "NextToken")]
        [InlineData("{\"NextToken\":[\"a\"]}", "NextToken")]
        public void AWrongTypeIsRejectedNamingTheMember(string json, string member)
        {
            var exception = Rejects(json);

            Assert.Contains(member, exception.Message);
        }

        // A CreatedAt too large even for decimal ticks must still be a parse error, not an
        // arithmetic exception escaping to the caller.
        [Theory]
        [InlineData("1e22")]
        [InlineData("-1e25")]
        [InlineData("79228162514264337593543950335")]
        public void ACreatedAtFarBeyondDateTimeIsRejectedNamingTheMember(string seconds)
        {
            var exception = Rejects(
                "{\"ModelVersionSummaries\":[{\"CreatedAt\":" + seconds + "}]}");

            Assert.Contains("ModelVersionSummaries[0].CreatedAt", exception.Message);
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("[{\"ModelVersionSummaries\":[]}]")]
        [InlineData("null")]
        [InlineData("\"page\"")]
        [InlineData("42")]
        [InlineData("true")]
        public void ATopLevelValueThatIsNotAnObjectIsRejected(string json)
        {
            var exception = Rejects(json);

            Assert.Contains("the answer", exception.Message);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\r\n")]
        public void AnEmptyBodyIsRejected(string json)
        {
            Rejects(json);
        }

        [Theory]
        [InlineData("{")]
        [InlineData("{\"ModelVersionSummaries\":[")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelVersion\":3")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelName\":\"pu")]
        [InlineData("{\"NextToken\":\"abc\"")]
        [InlineData("{\"Unknown\":{\"deep\":[1,2")]
        public void TruncatedJsonIsRejected(string json)
        {
            var exception = Rejects(json);

            Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
        }

        [Fact]
        public void EveryPrefixOfAFullPageIsRejected()
        {
            var bytes = Encoding.UTF8.GetBytes(FullPage);

            for (var length = 0; length < bytes.Length; length++)
            {
                var prefix = bytes.AsSpan(0, length).ToArray();
                Assert.Throws<ResponseParseException>(() => ListModelVersionsPage.Parse(prefix));
            }
        }

        [Theory]
        [InlineData("{}x")]
        [InlineData("{}{}")]
        [InlineData("{} []")]
        [InlineData("{\"ModelVersionSummaries\":[]}]")]
        [InlineData("{} // comment")]
        public void DataAfterTheObjectIsRejected(string json)
        {
            Rejects(json);
        }

        [Fact]
        public void NestingDeeperThanTheLimitIsRejected()
        {
            var deep = "{\"Extra\":" + new string('[', 40) + new string(']', 40) + "}";

            Rejects(deep);
        }

        // Byte strings that are not UTF-8, or escapes that are not UTF-16, cannot become .NET
        // strings; the answer is malformed and must be reported as such.
        [Theory]
        [InlineData("{\"NextToken\":\"a\\ud800b\"}")]
        [InlineData("{\"ModelVersionSummaries\":[{\"ModelName\":\"\\udc00\"}]}")]
        public void EscapesThatAreNotUtf16AreRejected(string json)
        {
            Rejects(json);
        }

        [Theory]
        [InlineData("NextToken")]
        [InlineData("ModelVersionSummaries[0].ModelName")]
        public void BytesThatAreNotUtf8AreRejected(string where)
        {
            var json = where == "NextToken"
                ? "{\"NextToken\":\"a\u00ffb\"}"
                : "{\"ModelVersionSummaries\":[{\"ModelName\":\"a\u00ffb\"}]}";

            // Latin-1 turns U+00FF into the single byte 0xFF, which UTF-8 never uses.
            var bytes = Encoding.Latin1.GetBytes(json);

            Assert.Throws<ResponseParseException>(() => ListModelVersionsPage.Parse(bytes));
        }

        [Fact]
        public void AnErrorBodySentWithASuccessStatusIsRejected()
        {
            var json = "{\"__type\":\"com.amazonaws.lookoutequipment#ValidationException\","
                + "\"message\":\"bad\"}";

            var error = Assert.Throws<ResponseParseException>(
                () => ListModelVersionsPage.Parse(Encoding.UTF8.GetBytes(json)));
            Assert.Contains("ValidationException", error.Message);
        }

        [Fact]
        public void AnUnknownMemberIsSkippedWithoutDecodingItsName()
        {
            // Names are compared as bytes, so a name that is not UTF-8 is just another name
            // this build does not know, and skipped like the rest.
            var json = "{\"ModelVersionSummaries\":[{\"a\u00ffb\":1,\"ModelVersion\":4}]}";

            var page = ListModelVersionsPage.Parse(Encoding.Latin1.GetBytes(json));

            Assert.Equal(4, page.Summaries[0].ModelVersion);
        }
    }
}
