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

        private static readonly InvokeOptions ListModelVersionsOptions = new InvokeOptions
        {
            RequestMarshaller = new ListMarshaller<ListModelVersionsQuery>(
                ListModelVersionsBody.Target, ListModelVersionsBody.Write),
            ResponseUnmarshaller = new PageUnmarshaller<ListModelVersionsPage>(
                body => ListModelVersionsPage.Parse(body)),
        };

        private static readonly InvokeOptions ListModelsOptions = new InvokeOptions
        {
            RequestMarshaller = new ListMarshaller<ListModelsQuery>(
                ListModelsBody.Target, ListModelsBody.Write),
            ResponseUnmarshaller = new PageUnmarshaller<ListModelsPage>(
                body => ListModelsPage.Parse(body)),
        };

        public Task<ListModelVersionsPage> ListModelVersionsAsync(
            ListModelVersionsQuery query, CancellationToken cancellationToken)
        {
            return ListAsync<ListModelVersionsPage>(
                new ListModelVersionsRequest(query), ListModelVersionsOptions, cancellationToken);
        }

        public Task<ListModelsPage> ListModelsAsync(
            ListModelsQuery query, CancellationToken cancellationToken)
        {
            return ListAsync<ListModelsPage>(
                new ListModelsRequest(query), ListModelsOptions, cancellationToken);
        }

        private async Task<TPage> ListAsync<TPage>(AmazonWebServiceRequest request,
            InvokeOptions options, CancellationToken cancellationToken)
        {
            // An async method's AsyncLocal changes end with it, so this reaches only this call.
            RequestCancellation.Set(cancellationToken);
            try
            {
                var response = await InvokeAsync<PageResponse<TPage>>(
                    request, options, cancellationToken).ConfigureAwait(false);
                return response.Page;
            }
            catch (AmazonUnmarshallingException exception)
                when (exception.InnerException is ResponseParseException
                    || exception.InnerException is System.IO.IOException
                    || exception.InnerException is OperationCanceledException)
            {
                // The SDK wraps what an unmarshaller throws; the caller wants the cause itself:
                // the parse error that names what was wrong with the answer, or the broken
                // connection that cut the answer short.
                ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }
            catch (OperationCanceledException cancellation)
                when (((IAttemptLog)request).LastAttemptFailure is Exception lastFailure
                    && !(lastFailure is OperationCanceledException))
            {
                // Cancelled between attempts: the failure that was being retried is the news.
                throw new RetriesCutShortException(lastFailure, cancellation);
            }
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new LookoutEquipmentEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptFailureRecorder());

            var requiredEndpoint = ((LookoutEquipmentConfig)Config).RequiredEndpoint;
            if (requiredEndpoint != null)
            {
                pipeline.AddHandlerAfter<LookoutEquipmentEndpointResolver>(
                    new CustomEndpointGuard(requiredEndpoint));
            }
        }
    }
}
