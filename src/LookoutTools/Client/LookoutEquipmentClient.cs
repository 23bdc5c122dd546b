using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using LookoutTools.Protocol;

namespace LookoutTools.Client
{
    /// <summary>
    /// A Lookout for Equipment client on the SDK's runtime pipeline: the SDK signs, retries,
    /// corrects clock skew and resolves credentials and endpoints; this class only names the
    /// operations and their marshallers.
    /// </summary>
    public sealed class LookoutEquipmentClient : AmazonServiceClient
    {
        public LookoutEquipmentClient(AWSCredentials credentials, LookoutEquipmentConfig config)
            : base(credentials, config)
        {
        }

        public Task<ListModelVersionsPage> ListModelVersionsAsync(
            ListModelVersionsQuery query, CancellationToken cancellationToken)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = ListModelVersionsMarshaller.Instance,
                ResponseUnmarshaller = ListModelVersionsUnmarshaller.Instance,
            };
            return ListAsync<ListModelVersionsResponse, ListModelVersionsPage>(
                new ListModelVersionsRequest(query), options, response => response.Page,
                cancellationToken);
        }

        public Task<ListModelsPage> ListModelsAsync(
            ListModelsQuery query, CancellationToken cancellationToken)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = ListModelsMarshaller.Instance,
                ResponseUnmarshaller = ListModelsUnmarshaller.Instance,
            };
            return ListAsync<ListModelsResponse, ListModelsPage>(
                new ListModelsRequest(query), options, response => response.Page,
                cancellationToken);
        }

        private async Task<TPage> ListAsync<TResponse, TPage>(AmazonWebServiceRequest request,
            InvokeOptions options, Func<TResponse, TPage> pageOf,
            CancellationToken cancellationToken)
            where TResponse : AmazonWebServiceResponse, new()
        {
            try
            {
                var response = await InvokeAsync<TResponse>(
                    request, options, cancellationToken).ConfigureAwait(false);
                return pageOf(response);
            }
            catch (AmazonUnmarshallingException exception)
                when (exception.InnerException is ResponseParseException
                    || exception.InnerException is System.IO.IOException)
            {
                // The SDK wraps what an unmarshaller throws; the caller wants the cause itself:
                // the parse error that names what was wrong with the answer, or the broken
                // connection that cut the answer short.
                ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new LookoutEquipmentEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());

            var requiredEndpoint = ((LookoutEquipmentConfig)Config).RequiredEndpoint;
            if (requiredEndpoint != null)
            {
                pipeline.AddHandlerAfter<LookoutEquipmentEndpointResolver>(
                    new CustomEndpointGuard(requiredEndpoint));
            }
        }
    }
}
