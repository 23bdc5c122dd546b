using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using LookoutTools.Protocol;

namespace LookoutTools.Client
{
    /// <summary>A ListModels call as the SDK's pipeline carries it.</summary>
    public sealed class ListModelsRequest : AmazonWebServiceRequest
    {
        public ListModelsRequest(ListModelsQuery query)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
        }

        public ListModelsQuery Query { get; }
    }

    /// <summary>The answer to one ListModels call.</summary>
    public sealed class ListModelsResponse : AmazonWebServiceResponse
    {
        public ListModelsPage Page { get; set; }
    }

    /// <summary>Turns a request into POST / with the JSON 1.0 headers and body.</summary>
    public sealed class ListModelsMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ListModelsMarshaller Instance = new ListModelsMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var query = ((ListModelsRequest)input).Query;
            return JsonProtocol.NewRequest(
                input, ListModelsBody.Target, ListModelsBody.Write(query));
        }
    }

    /// <summary>Reads a ListModels answer, or the service's error, from the wire.</summary>
    public sealed class ListModelsUnmarshaller : JsonResponseUnmarshaller
    {
        public static readonly ListModelsUnmarshaller Instance = new ListModelsUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            var body = JsonProtocol.ReadBody(context);
            return new ListModelsResponse { Page = ListModelsPage.Parse(body) };
        }

        public override AmazonServiceException UnmarshallException(
            JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
        {
            return JsonProtocol.ReadError(context, innerException, statusCode);
        }
    }
}
