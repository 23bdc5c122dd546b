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
            return ListAsync(new ListModelVersionsRequest(query), options, cancellationToken);
        }

        private async Task<ListModelVersionsPage> ListAsync(ListModelVersionsRequest request,
            InvokeOptions options, CancellationToken cancellationToken)
        {
            try
            {
                var response = await InvokeAsync<ListModelVersionsResponse>(
                    request, options, cancellationToken).ConfigureAwait(false);
                return response.Page;
            }
            catch (AmazonUnmarshallingException exception)
                when (exception.InnerException is ResponseParseException parseError)
            {
                // The SDK wraps what an unmarshaller throws; the caller wants the parse error
                // itself, which names what was wrong with the answer.
                ExceptionDispatchInfo.Capture(parseError).Throw();
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
