using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.Internal.Transform;
using LookoutTools.Client;
using Xunit;

namespace LookoutTools.Tests
{
    /// <summary>
    /// The answer body is read into a pooled buffer; these check that what the parser sees is
    /// exactly the bytes sent, whether or not the length was announced.
    /// </summary>
    public sealed class PooledBodyTests
    {
        private sealed class FakeResponse : IWebResponseData, IHttpResponseBody
        {
            private readonly Stream body;

            public FakeResponse(Stream body, long contentLength)
            {
                this.body = body;
                ContentLength = contentLength;
            }

            public long ContentLength { get; }

            public string ContentType => JsonProtocol.ContentType;

            public HttpStatusCode StatusCode => HttpStatusCode.OK;

            public bool IsSuccessStatusCode => true;

            public IHttpResponseBody ResponseBody => this;

            public string[] GetHeaderNames() => Array.Empty<string>();

            public bool IsHeaderPresent(string headerName) => false;

            public string GetHeaderValue(string headerName) => null;

            public IEventStreamHeader GetEventStreamHeader(string headerName) => null;

            public bool IsEventHeaderPresent(string headerName) => false;

            public Stream OpenResponse() => body;

            public Task<Stream> OpenResponseAsync() => Task.FromResult(body);

            public void Dispose()
            {
            }
        }

        /// <summary>Hands out at most a few bytes a read, as a slow connection does.</summary>
        private sealed class TrickleStream : MemoryStream
        {
            public TrickleStream(byte[] bytes)
                : base(bytes)
            {
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                return base.Read(buffer, offset, Math.Min(count, 7919));
            }
        }

        private static byte[] Read(byte[] sent, long announced)
        {
            var stream = new TrickleStream(sent);
            var context = new JsonUnmarshallerContext(stream, false,
                new FakeResponse(stream, announced), false);
            return JsonProtocol.ReadPooledBody(context, body => body.AsSpan().ToArray());
        }

        private static byte[] BodyOf(int length)
        {
            return Enumerable.Range(0, length).Select(index => (byte)(index * 31 + 7)).ToArray();
        }

        [Theory]
        [InlineData(1)]
        [InlineData(16 * 1024)]
        [InlineData(16 * 1024 + 1)]
        [InlineData(250 * 1024)]
        public void ReadsExactlyTheAnnouncedBody(int length)
        {
            var sent = BodyOf(length);

            Assert.Equal(sent, Read(sent, length));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(16 * 1024)]
        [InlineData(16 * 1024 + 1)]
        [InlineData(250 * 1024)]
        public void ReadsABodyOfUnannouncedLengthToItsEnd(int length)
        {
            var sent = BodyOf(length);

            Assert.Equal(sent, Read(sent, -1));
        }

        /// <summary>Sends its first half, then nothing until the read is cancelled.</summary>
        private sealed class StallingStream : MemoryStream
        {
            private readonly int stallAt;

            public StallingStream(byte[] bytes)
                : base(bytes)
            {
                stallAt = bytes.Length / 2;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                throw new InvalidOperationException("A stalled body must be read with a token.");
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count,
                System.Threading.CancellationToken cancellationToken)
            {
                if (Position >= stallAt)
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                }
                return base.Read(buffer, offset, (int)Math.Min(count, stallAt - Position));
            }
        }

        [Fact]
        public async Task ABodyThatStallsGivesWayToTheCallsCancellation()
        {
            var sent = BodyOf(64 * 1024);
            var stream = new StallingStream(sent);
            var context = new JsonUnmarshallerContext(stream, false,
                new FakeResponse(stream, sent.Length), false);
            using var cancellation = new System.Threading.CancellationTokenSource(
                TimeSpan.FromMilliseconds(200));

            var reading = Task.Run(() =>
            {
                RequestCancellation.Set(cancellation.Token);
                return JsonProtocol.ReadPooledBody(context, body => body.Count);
            });

            // Generous: without the token this read would wait forever.
            var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.Same(reading, finished);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
        }

        [Fact]
        public void ABodyShorterThanAnnouncedIsABrokenAnswer()
        {
            var sent = BodyOf(1000);

            var failure = Assert.Throws<IOException>(() => Read(sent, 1500));

            Assert.Contains("ended after 1000 of the 1500 bytes", failure.Message);
        }
    }
}
