using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LookoutTools.Tests
{
    /// <summary>One request as it arrived on the wire.</summary>
    public sealed class RecordedRequest
    {
        public string Method { get; set; }

        public string Path { get; set; }

        public Dictionary<string, string> Headers { get; } =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public byte[] Body { get; set; }

        public string Header(string name)
        {
            return Headers.TryGetValue(name, out var value) ? value : null;
        }
    }

    /// <summary>What the server answers to one request.</summary>
    public sealed class CannedResponse
    {
        public CannedResponse(int status, string body)
        {
            Status = status;
            Body = Encoding.UTF8.GetBytes(body);
        }

        public CannedResponse(int status, byte[] body)
        {
            Status = status;
            Body = body;
        }

        public int Status { get; }

        public byte[] Body { get; }
    }

    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 and a port the system picks, so that the client's
    /// real wire traffic can be seen without the emulator. It answers each connection once and
    /// closes it, and stops by itself after a fixed number of requests.
    /// </summary>
    public sealed class LoopbackHttpServer : IDisposable
    {
        private const int MaxRequests = 50;
        private const int MaxHeaderBytes = 64 * 1024;
        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

        private readonly TcpListener listener;
        private readonly Func<RecordedRequest, int, CancellationToken, Task<CannedResponse>> answer;
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly Task acceptLoop;
        private int requestCount;

        /// <param name="answer">Given each request and its 1-based number.</param>
        public LoopbackHttpServer(
            Func<RecordedRequest, int, CancellationToken, Task<CannedResponse>> answer)
        {
            this.answer = answer;
            listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Url = new Uri($"http://127.0.0.1:{port}/");
            acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public LoopbackHttpServer(Func<RecordedRequest, int, CannedResponse> answer)
            : this((request, number, _) => Task.FromResult(answer(request, number)))
        {
        }

        public Uri Url { get; }

        public ConcurrentQueue<RecordedRequest> Requests { get; } =
            new ConcurrentQueue<RecordedRequest>();

        public void Dispose()
        {
            stopping.Cancel();
            listener.Stop();
            try
            {
                acceptLoop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends with the listener's own exception when it is stopped.
            }
            stopping.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            var connections = new List<Task>();
            while (!stopping.IsCancellationRequested && requestCount < MaxRequests)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stopping.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException
                    || exception is SocketException || exception is ObjectDisposedException)
                {
                    break;
                }
                connections.Add(ServeAsync(client));
            }
            await Task.WhenAll(connections);
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            {
                timeout.CancelAfter(ReadTimeout);
                try
                {
                    var stream = client.GetStream();
                    var request = await ReadRequestAsync(stream, timeout.Token);
                    if (request == null) return;

                    var number = Interlocked.Increment(ref requestCount);
                    Requests.Enqueue(request);
                    var response = await answer(request, number, stopping.Token);
                    await WriteResponseAsync(stream, response, timeout.Token);
                }
                catch (Exception exception) when (exception is IOException
                    || exception is OperationCanceledException || exception is SocketException
                    || exception is ObjectDisposedException)
                {
                    // The client went away or the test ended; nothing is left to answer.
                }
            }
        }

        private static async Task<RecordedRequest> ReadRequestAsync(
            NetworkStream stream, CancellationToken cancellationToken)
        {
            var received = new MemoryStream();
            var buffer = new byte[4096];
            int headerEnd;
            while ((headerEnd = IndexOfBlankLine(received)) < 0)
            {
                if (received.Length > MaxHeaderBytes) return null;
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0) return null;
                received.Write(buffer, 0, read);
            }

            var all = received.ToArray();
            var lines = Encoding.ASCII.GetString(all, 0, headerEnd).Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var request = new RecordedRequest { Method = requestLine[0], Path = requestLine[1] };
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0)
                {
                    request.Headers[lines[i].Substring(0, colon).Trim()] =
                        lines[i].Substring(colon + 1).Trim();
                }
            }

            if (string.Equals(request.Header("Expect"), "100-continue",
                StringComparison.OrdinalIgnoreCase))
            {
                var proceed = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
                await stream.WriteAsync(proceed, cancellationToken);
            }

            var length = int.Parse(request.Header("Content-Length") ?? "0");
            var body = new MemoryStream();
            body.Write(all, headerEnd + 4, all.Length - headerEnd - 4);
            while (body.Length < length)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0) return null;
                body.Write(buffer, 0, read);
            }
            request.Body = body.ToArray();
            return request;
        }

        private static int IndexOfBlankLine(MemoryStream received)
        {
            var bytes = received.GetBuffer();
            for (var i = 0; i + 3 < received.Length; i++)
            {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r'
                    && bytes[i + 3] == '\n')
                {
                    return i;
                }
            }
            return -1;
        }

        private static async Task WriteResponseAsync(
            NetworkStream stream, CannedResponse response, CancellationToken cancellationToken)
        {
            var head = $"HTTP/1.1 {response.Status} Status{response.Status}\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + $"Content-Length: {response.Body.Length}\r\n"
                + "x-amzn-RequestId: loopback-request\r\n"
                + "Connection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
            await stream.WriteAsync(response.Body, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }
}
