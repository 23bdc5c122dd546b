using LookoutTools.Validation;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class InputRulesTests
    {
        public static TheoryData<string> ValidModelNames() => new TheoryData<string>
        {
            "a", new string('m', 200), "pump-7", "x_Y-9", "0", "-", "_",
        };

        public static TheoryData<string> InvalidModelNames() => new TheoryData<string>
        {
            "", new string('m', 201), "bad name", "na\u00efve", "a/b", "pump.7", " pump",
            "\u0661\u0662", // Arabic-Indic digits: \d would take them, the service does not
            "pump-7\n", "pump-7\r\n", "\npump-7",
        };

        [Theory]
        [MemberData(nameof(ValidModelNames))]
        public void CheckModelNameAcceptsTheServicePattern(string name)
        {
            Assert.Null(InputRules.CheckModelName(name));
        }

        [Theory]
        [MemberData(nameof(InvalidModelNames))]
        public void CheckModelNameRejectsAnythingElseNamingTheValue(string name)
        {
            var problem = InputRules.CheckModelName(name);

            Assert.NotNull(problem);
            Assert.Contains("'" + name + "'", problem);
            Assert.Contains("1 to 200 characters", problem);
        }

        [Fact]
        public void CheckModelNameRejectsNull()
        {
            var problem = InputRules.CheckModelName(null);

            Assert.NotNull(problem);
            Assert.Contains("(null)", problem);
        }

        [Theory]
        [InlineData("a")]
        [InlineData("AQICAHh+/=padding==")]
        [InlineData("~!\"#$%&'() *+,-./:;<=>?@[\\]^_`{|}")]
        public void CheckNextTokenAcceptsPrintableAscii(string token)
        {
            Assert.Null(InputRules.CheckNextToken(token));
        }

        [Theory]
        [InlineData(" abc")]
        [InlineData("abc ")]
        [InlineData("   ")]
        public void CheckNextTokenRefusesSpacesAtEitherEnd(string token)
        {
            Assert.Contains("starts or ends with a space", InputRules.CheckNextToken(token));
        }

        [Fact]
        public void CheckNextTokenAcceptsTheLongestToken()
        {
            Assert.Null(InputRules.CheckNextToken(new string('t', InputRules.MaxNextTokenLength)));
            Assert.Equal(8192, InputRules.MaxNextTokenLength);
        }

        [Fact]
        public void CheckNextTokenRejectsOneCharacterTooMany()
        {
            var problem = InputRules.CheckNextToken(new string('t', 8193));

            Assert.NotNull(problem);
            Assert.Contains("8193", problem);
            Assert.Contains("8192", problem);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void CheckNextTokenRejectsAnEmptyToken(string token)
        {
            Assert.StartsWith("The NextToken is empty.", InputRules.CheckNextToken(token));
        }

        [Theory]
        [InlineData("caf\u00e9", 4)]
        [InlineData("\u2603abc", 1)]
        [InlineData("ab\u0000", 3)]
        [InlineData("ab\ncd", 3)]
        [InlineData("tab\there", 4)]
        [InlineData("del\u007f", 4)]
        public void CheckNextTokenRejectsCharactersThatAreNotPrintableAscii(
            string token, int position)
        {
            var problem = InputRules.CheckNextToken(token);

            Assert.NotNull(problem);
            Assert.Contains("position " + position + ".", problem);
            Assert.Contains("-NextToken", problem);
        }
    }
}
