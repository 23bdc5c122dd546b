using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using LookoutTools.Protocol;

namespace LookoutTools.Client
{
    /// <summary>
    /// A call as the SDK's pipeline carries it. Each operation keeps a request class of its
    /// own because the SDK names a request by its type (in logs, metrics and the user agent).
    /// </summary>
    public abstract class ListRequest<TQuery> : AmazonWebServiceRequest, IAttemptLog
        where TQuery : class
    {
        protected ListRequest(TQuery query)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        public TQuery Query { get; }

        public int Attempts { get; set; }

        public Exception LastAttemptFailure { get; set; }
    }

    public sealed class ListModelVersionsRequest : ListRequest<ListModelVersionsQuery>
    {
        public ListModelVersionsRequest(ListModelVersionsQuery query)
            : base(query)
        {
        }
    }

    public sealed class ListModelsRequest : ListRequest<ListModelsQuery>
    {
        public ListModelsRequest(ListModelsQuery query)
            : base(query)
        {
        }
    }

    /// <summary>The answer to one call: one page.</summary>
    public sealed class PageResponse<TPage> : AmazonWebServiceResponse
    {
        public TPage Page { get; set; }
    }

    /// <summary>Turns a request into POST / with the JSON 1.0 headers and a body.</summary>
    public sealed class ListMarshaller<TQuery> : IMarshaller<IRequest, AmazonWebServiceRequest>
        where TQuery : class
    {
        private readonly string target;
        private readonly Func<TQuery, byte[]> writeBody;

        public ListMarshaller(string target, Func<TQuery, byte[]> writeBody)
        {
            this.target = target;
            this.writeBody = writeBody;
        }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var query = ((ListRequest<TQuery>)input).Query;
            return JsonProtocol.NewRequest(input, target, writeBody(query));
        }
    }

    /// <summary>Reads a page, or the service's error, from the wire.</summary>
    public sealed class PageUnmarshaller<TPage> : JsonResponseUnmarshaller
    {
        private readonly Func<ArraySegment<byte>, TPage> parsePage;

        public PageUnmarshaller(Func<ArraySegment<byte>, TPage> parsePage)
        {
            this.parsePage = parsePage;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            return new PageResponse<TPage>
            {
                Page = JsonProtocol.ReadPooledBody(context, parsePage),
            };
        }

        public override AmazonServiceException UnmarshallException(
            JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            return JsonProtocol.ReadError(context, innerException, statusCode);
        }
    }
}
