using System;
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
            return InvokeAsync<ListModelVersionsResponse>(
                    new ListModelVersionsRequest(query), options, cancellationToken)
                .ContinueWith(
                    task => task.GetAwaiter().GetResult().Page,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
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
