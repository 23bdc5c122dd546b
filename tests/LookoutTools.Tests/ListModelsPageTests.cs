using System;
using System.Text;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class ListModelsPageTests
    {
        private static ListModelsPage Parse(string json)
        {
            return ListModelsPage.Parse(Encoding.UTF8.GetBytes(json));
        }

        [Fact]
        public void ReadsEveryDocumentedMemberOfAModel()
        {
            var page = Parse("{\"NextToken\":\"next\",\"ModelSummaries\":[{"
                + "\"ModelName\":\"pump-7\",\"ModelArn\":\"arn:model\","
                + "\"DatasetName\":\"pump-7-data\",\"DatasetArn\":\"arn:dataset\","
                + "\"Status\":\"SUCCESS\",\"CreatedAt\":1704067200.25,"
                + "\"ActiveModelVersion\":12,\"ActiveModelVersionArn\":\"arn:version\","
                + "\"ModelQuality\":\"POOR_QUALITY_DETECTED\","
                + "\"LatestScheduledRetrainingStatus\":\"FAILED\","
                + "\"LatestScheduledRetrainingModelVersion\":13,"
                + "\"LatestScheduledRetrainingStartTime\":1704153600,"
                + "\"NextScheduledRetrainingStartDate\":1704240000,"
                + "\"RetrainingSchedulerStatus\":\"RUNNING\"}]}");

            Assert.Equal("next", page.NextToken);
            var model = Assert.Single(page.Summaries);
            Assert.Equal("pump-7", model.ModelName);
            Assert.Equal("arn:model", model.ModelArn);
            Assert.Equal("pump-7-data", model.DatasetName);
            Assert.Equal("arn:dataset", model.DatasetArn);
            Assert.Equal("SUCCESS", model.Status);
            Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, 250, DateTimeKind.Utc), model.CreatedAt);
            Assert.Equal(DateTimeKind.Utc, model.CreatedAt.Value.Kind);
            Assert.Equal(12, model.ActiveModelVersion);
            Assert.Equal("arn:version", model.ActiveModelVersionArn);
            Assert.Equal("POOR_QUALITY_DETECTED", model.ModelQuality);
            Assert.Equal("FAILED", model.LatestScheduledRetrainingStatus);
            Assert.Equal(13, model.LatestScheduledRetrainingModelVersion);
            Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc),
                model.LatestScheduledRetrainingStartTime);
            Assert.Equal(new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc),
                model.NextScheduledRetrainingStartDate);
            Assert.Equal("RUNNING", model.RetrainingSchedulerStatus);
        }

        [Fact]
        public void SkipsUnknownMembersAtAnyDepthAndTakesNullAsAbsent()
        {
            var page = Parse("{\"Extra\":{\"a\":[1,{\"b\":null}]},\"NextToken\":null,"
                + "\"ModelSummaries\":[{\"ModelName\":\"m\",\"Status\":null,"
                + "\"ModelDiagnosticsOutputConfiguration\":{\"S3OutputConfiguration\":"
                + "{\"Bucket\":\"b\",\"Prefix\":\"p\"},\"KmsKeyId\":\"k\"},\"Tags\":[1,2]}]}");

            var model = Assert.Single(page.Summaries);
            Assert.Equal("m", model.ModelName);
            Assert.Null(model.Status);
            Assert.Null(page.NextToken);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"ModelSummaries\":null}")]
        [InlineData("{\"ModelSummaries\":[],\"NextToken\":\"\"}")]
        public void AnAnswerWithoutModelsIsAnEmptyLastPage(string json)
        {
            var page = Parse(json);

            Assert.Empty(page.Summaries);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void KeepsAStatusThisBuildDoesNotKnow()
        {
            var page = Parse(
                "{\"ModelSummaries\":[{\"ModelName\":\"m\",\"Status\":\"ARCHIVED\"}]}");

            Assert.Equal("ARCHIVED", page.Summaries[0].Status);
        }

        [Theory]
        [InlineData("", "not valid JSON")]
        [InlineData("[]", "Expected an object for the answer but found a list")]
        [InlineData("{\"ModelSummaries\":{}}", "Expected a list for ModelSummaries")]
        [InlineData("{\"ModelSummaries\":[1]}", "Expected an object for ModelSummaries[0]")]
        [InlineData("{\"ModelSummaries\":[{\"ModelName\":7}]}",
            "Expected a string for ModelSummaries[0].ModelName but found a number")]
        [InlineData("{\"ModelSummaries\":[{},{\"ActiveModelVersion\":1.5}]}",
            "ModelSummaries[1].ActiveModelVersion is not a whole number")]
        [InlineData("{\"ModelSummaries\":[{\"CreatedAt\":\"2024-01-01\"}]}",
            "Expected a number for ModelSummaries[0].CreatedAt but found a string")]
        [InlineData("{\"ModelSummaries\":[{\"CreatedAt\":1e30}]}",
            "ModelSummaries[0].CreatedAt is not a usable time")]
        [InlineData("{\"NextToken\":5}", "Expected a string for NextToken")]
        [InlineData("{} {}", "not valid JSON")]
        [InlineData("{\"ModelSummaries\":[", "not valid JSON")]
        public void AnAnswerInAnotherShapeIsRefusedNamingWhatIsWrong(string json, string expected)
        {
            var error = Assert.Throws<ResponseParseException>(() => Parse(json));

            Assert.Contains(expected, error.Message);
        }
    }
}
