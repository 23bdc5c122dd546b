using System.Text;
using LookoutTools.Protocol;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class ListModelsBodyTests
    {
        private static string BodyOf(ListModelsQuery query)
        {
            return Encoding.UTF8.GetString(ListModelsBody.Write(query));
        }

        [Fact]
        public void AnEmptyQueryIsAnEmptyObject()
        {
            Assert.Equal("{}", BodyOf(new ListModelsQuery()));
        }

        [Fact]
        public void TheTargetNamesTheOperationOnTheFrontendService()
        {
            Assert.Equal("AWSLookoutEquipmentFrontendService.ListModels", ListModelsBody.Target);
        }

        public static TheoryData<ListModelsQuery, string> EachFilterAlone()
        {
            return new TheoryData<ListModelsQuery, string>
            {
                { new ListModelsQuery { NextToken = "abc" }, "{\"NextToken\":\"abc\"}" },
                { new ListModelsQuery { MaxResults = 500 }, "{\"MaxResults\":500}" },
                { new ListModelsQuery { Status = "SUCCESS" }, "{\"Status\":\"SUCCESS\"}" },
                {
                    new ListModelsQuery { ModelNameBeginsWith = "pump" },
                    "{\"ModelNameBeginsWith\":\"pump\"}"
                },
                {
                    new ListModelsQuery { DatasetNameBeginsWith = "plant4-" },
                    "{\"DatasetNameBeginsWith\":\"plant4-\"}"
                },
            };
        }

        [Theory]
        [MemberData(nameof(EachFilterAlone))]
        public void EachMemberIsWrittenOnlyWhenSet(ListModelsQuery query, string expected)
        {
            Assert.Equal(expected, BodyOf(query));
        }

        [Fact]
        public void MembersAreInTheOrderOfTheApiModel()
        {
            var query = new ListModelsQuery
            {
                Status = "FAILED",
                NextToken = "t",
                ModelNameBeginsWith = "m",
                MaxResults = 7,
                DatasetNameBeginsWith = "d",
            };

            Assert.Equal("{\"NextToken\":\"t\",\"MaxResults\":7,\"Status\":\"FAILED\","
                + "\"ModelNameBeginsWith\":\"m\",\"DatasetNameBeginsWith\":\"d\"}",
                BodyOf(query));
        }

        [Fact]
        public void ATokenIsWrittenWithOnlyTheEscapingJsonRequires()
        {
            var body = BodyOf(new ListModelsQuery { NextToken = "a+b/c=\"<>" });

            Assert.Equal("{\"NextToken\":\"a+b/c=\\\"<>\"}", body);
        }

        [Fact]
        public void WithNextTokenCopiesTheQueryAndLeavesTheOriginalAlone()
        {
            var first = new ListModelsQuery { Status = "SUCCESS", MaxResults = 5 };

            var next = first.WithNextToken("page-2");

            Assert.Null(first.NextToken);
            Assert.Equal("page-2", next.NextToken);
            Assert.Equal("SUCCESS", next.Status);
            Assert.Equal(5, next.MaxResults);
        }
    }
}
