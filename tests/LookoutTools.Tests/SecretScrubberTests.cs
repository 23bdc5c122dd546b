using LookoutTools.Connection;
using Xunit;

namespace LookoutTools.Tests
{
    public class SecretScrubberTests
    {
        private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        [Theory]
        [InlineData("aws_secret_access_key: " + Secret)]
        [InlineData("{\"SecretAccessKey\":\"wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCYEXAMPLEKEY\"}")]
        [InlineData("secret=wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY")]
        [InlineData("{\"SessionToken\":\"IQoJb3JpZ2luX2VjE\\/\\/short\\/\\/parts\"}")]
        [InlineData("a bare " + Secret + " in a sentence")]
        public void SecretsAreMaskedHoweverTheyAreWritten(string message)
        {
            var scrubbed = SecretScrubber.Scrub(message);

            Assert.DoesNotContain("EXAMPLEKEY", scrubbed);
            Assert.DoesNotContain("short", scrubbed);
            Assert.Contains("****", scrubbed);
        }

        [Fact]
        public void AccessKeyIdsAndPlainWordsStayReadable()
        {
            var message = "No valid SSO Token could be found for AKIAIOSFODNN7EXAMPLE.";

            Assert.Equal(message, SecretScrubber.Scrub(message));
        }

        [Fact]
        public void ControlCharactersAreShownAsQuestionMarks()
        {
            var scrubbed = SecretScrubber.WithoutControlCharacters("a\u001b[2Jb\r\nWARNING\u0007");

            Assert.Equal("a?[2Jb??WARNING?", scrubbed);
        }
    }
}
