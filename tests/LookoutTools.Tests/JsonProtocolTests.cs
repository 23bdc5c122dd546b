using System;
using System.Net;
using System.Text;
using Amazon.Runtime;
using LookoutTools.Client;
using Xunit;

namespace LookoutTools.Tests
{
    public sealed class JsonProtocolTests
    {
        [Theory]
        [InlineData("ValidationException", "ValidationException")]
        [InlineData("com.amazonaws.lookoutequipment#ValidationException", "ValidationException")]
        [InlineData("ValidationException:http://internal.amazon.com/coral/com.amazon.coral/",
            "ValidationException")]
        [InlineData("aws.protocoltests#ThrottlingException:http://internal.amazon.com/coral/",
            "ThrottlingException")]
        [InlineData("", null)]
        [InlineData(null, null)]
        [InlineData("namespace#", null)]
        [InlineData(":http://internal.amazon.com/", null)]
        public void NormaliseErrorCodeKeepsOnlyTheErrorName(string errorType, string expected)
        {
            Assert.Equal(expected, JsonProtocol.NormaliseErrorCode(errorType));
        }

        [Theory]
        [InlineData("{\"__type\":\"com.amazonaws.lookoutequipment#ValidationException\","
            + "\"message\":\"lower case\"}", "ValidationException", "lower case")]
        [InlineData("{\"__type\":\"ThrottlingException\",\"Message\":\"upper case\"}",
            "ThrottlingException", "upper case")]
        [InlineData("{\"code\":\"AccessDeniedException\",\"Message\":\"by code\"}",
            "AccessDeniedException", "by code")]
        [InlineData("{\"__type\":\"A\",\"code\":\"B\"}", "A", null)]
        [InlineData("{\"message\":\"first\",\"Message\":\"second\"}", null, "first")]
        [InlineData("{\"__type\":5,\"message\":[\"not a string\"]}", null, null)]
        [InlineData("{}", null, null)]
        [InlineData("[\"ValidationException\"]", null, null)]
        [InlineData("\"ValidationException\"", null, null)]
        public void ParseErrorBodyReadsTheNameAndMessage(
            string body, string expectedCode, string expectedMessage)
        {
            var bytes = Encoding.UTF8.GetBytes(body);

            JsonProtocol.ParseErrorBody(bytes, out var code, out var message);

            Assert.Equal(expectedCode, code);
            Assert.Equal(expectedMessage, message);
        }

        [Theory]
        [InlineData("<html><body>502 Bad Gateway</body></html>")]
        [InlineData("{\"__type\":\"Validation")]
        [InlineData("{\"__type\":\"A\"} trailing")]
        [InlineData("")]
        public void ParseErrorBodyGivesNullsForABodyThatIsNotJson(string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);

            JsonProtocol.ParseErrorBody(bytes, out var code, out var message);

            Assert.Null(code);
            Assert.Null(message);
        }

        [Fact]
        public void ParseErrorBodyAcceptsNull()
        {
            JsonProtocol.ParseErrorBody(null, out var code, out var message);

            Assert.Null(code);
            Assert.Null(message);
        }

        // An error body from a broken proxy may hold bytes that are not UTF-8 or escapes that
        // are not UTF-16; the status code must still surface rather than a decoding crash.
        [Theory]
        [InlineData("{\"__type\":\"Bad\\ud800\",\"message\":\"m\"}")]
        [InlineData("{\"__type\":\"Bad\u00ff\",\"message\":\"m\"}")]
        [InlineData("{\"__type\":\"ValidationException\",\"message\":\"\u00ff\"}")]
        public void ParseErrorBodyDoesNotThrowForUndecodableStrings(string latin1Body)
        {
            var body = Encoding.Latin1.GetBytes(latin1Body);

            var exception = Record.Exception(
                () => JsonProtocol.ParseErrorBody(body, out _, out _));

            Assert.Null(exception);
        }

        [Fact]
        public void JsonContentTypeIsVersionOneZero()
        {
            Assert.Equal("application/x-amz-json-1.0", JsonProtocol.ContentType);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest, ErrorType.Sender)]
        [InlineData(HttpStatusCode.Forbidden, ErrorType.Sender)]
        [InlineData((HttpStatusCode)429, ErrorType.Sender)]
        [InlineData(HttpStatusCode.InternalServerError, ErrorType.Receiver)]
        [InlineData(HttpStatusCode.ServiceUnavailable, ErrorType.Receiver)]
        public void ServiceExceptionBlamesTheSenderFor4xxAndTheReceiverFor5xx(
            HttpStatusCode status, ErrorType expected)
        {
            var exception = LookoutEquipmentServiceException.Create(
                "SomeException", "some message", null, "request-1", status);

            Assert.Equal(expected, exception.ErrorType);
            Assert.Equal(status, exception.StatusCode);
        }

        [Fact]
        public void ServiceExceptionKeepsCodeMessageAndRequestId()
        {
            var inner = new InvalidOperationException("inner");

            var exception = LookoutEquipmentServiceException.Create("ValidationException",
                "1 validation error detected", inner, "req-42", HttpStatusCode.BadRequest);

            Assert.IsAssignableFrom<AmazonServiceException>(exception);
            Assert.Equal("ValidationException", exception.ErrorCode);
            Assert.Equal("1 validation error detected", exception.Message);
            Assert.Equal("req-42", exception.RequestId);
            Assert.Same(inner, exception.InnerException);
        }

        [Fact]
        public void ServiceExceptionWithoutACodeIsNamedAfterTheStatus()
        {
            var exception = LookoutEquipmentServiceException.Create(
                null, null, null, null, HttpStatusCode.ServiceUnavailable);

            Assert.Equal("HttpStatus503", exception.ErrorCode);
            Assert.Equal(ErrorType.Receiver, exception.ErrorType);
            Assert.Contains("503", exception.Message);
            Assert.Contains("HttpStatus503", exception.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void ServiceExceptionWithoutAMessageSaysSo(string message)
        {
            var exception = LookoutEquipmentServiceException.Create(
                "ThrottlingException", message, null, null, (HttpStatusCode)429);

            Assert.Equal(
                "The service answered HTTP 429 (ThrottlingException) with no message.",
                exception.Message);
        }
    }
}
