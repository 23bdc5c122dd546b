using System;
using System.IO;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using LookoutTools.Protocol;

namespace LookoutTools.Client
{
    /// <summary>A ListModelVersions call as the SDK's pipeline carries it.</summary>
    public sealed class ListModelVersionsRequest : AmazonWebServiceRequest
    {
        public ListModelVersionsRequest(ListModelVersionsQuery query)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        public ListModelVersionsQuery Query { get; }
    }

    /// <summary>The answer to one ListModelVersions call.</summary>
    public sealed class ListModelVersionsResponse : AmazonWebServiceResponse
    {
        public ListModelVersionsPage Page { get; set; }
    }

    /// <summary>Turns a request into POST / with the JSON 1.0 headers and body.</summary>
    public sealed class ListModelVersionsMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ListModelVersionsMarshaller Instance =
            new ListModelVersionsMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var query = ((ListModelVersionsRequest)input).Query;
            return JsonProtocol.NewRequest(
                input, ListModelVersionsBody.Target, ListModelVersionsBody.Write(query));
        }
    }

    /// <summary>Reads a ListModelVersions answer, or the service's error, from the wire.</summary>
    public sealed class ListModelVersionsUnmarshaller : JsonResponseUnmarshaller
    {
        public static readonly ListModelVersionsUnmarshaller Instance =
            new ListModelVersionsUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var body = JsonProtocol.ReadBody(context);
            return new ListModelVersionsResponse { Page = ListModelVersionsPage.Parse(body) };
        }

        public override AmazonServiceException UnmarshallException(
            JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            return JsonProtocol.ReadError(context, innerException, statusCode);
        }
    }
}
