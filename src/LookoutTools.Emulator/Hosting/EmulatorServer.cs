using System.Net;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Control;
using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Faults;
using LookoutTools.Emulator.Operations;
using LookoutTools.Emulator.Protocol;
using LookoutTools.Emulator.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LookoutTools.Emulator.Hosting;

/// <summary>
/// The emulator's HTTP server: Kestrel on 127.0.0.1 only, with no middleware but the
/// emulator's own dispatch. Used by the command line and, in-process, by tests.
/// </summary>
internal sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    public static async Task<EmulatorServer> StartAsync(
        EmulatorSettings settings, ModelCatalog catalog, CancellationToken cancellation = default)
    {
        // The empty builder reads no environment variables or appsettings, so nothing outside
        // these lines can change where the server listens.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "LookoutTools.Emulator",
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, settings.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = 1_000;
            kestrel.Limits.MaxRequestBodySize = 2L * RequestBody.MaxBytes;
        });
        builder.Services.Configure<HostOptions>(host =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        ConfigureLogging(builder.Logging, settings);

        var credentials = new CredentialStore(settings.Credentials);
        var app = builder.Build();
        var log = new RequestLog();
        var faults = new FaultRuleSet();
        var verifier = credentials.SignaturesRequired
            ? new SigV4Verifier(credentials, settings.Clock)
            : null;
        var api = CreateApiHandler(settings, catalog, verifier, credentials, log, faults, app);
        var sts = new StsRequestHandler(
            new AssumeRoleOperation(credentials, settings.Clock),
            verifier,
            credentials,
            log,
            app.Logger,
            app.Lifetime.ApplicationStopping);
        var control = new ControlEndpoints(catalog, log, faults, credentials, settings.Clock);

        app.Run(context => Dispatch(context, api, sts, control));
        await app.StartAsync(cancellation);

        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EmulatorServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static ApiRequestHandler CreateApiHandler(
        EmulatorSettings settings,
        ModelCatalog catalog,
        SigV4Verifier? verifier,
        CredentialStore credentials,
        RequestLog log,
        FaultRuleSet faults,
        WebApplication app)
    {
        var tokens = new PageTokenCodec();
        return new ApiRequestHandler(
            new ListModelVersionsOperation(catalog, tokens, settings.DefaultPageSize),
            new ListModelsOperation(catalog, tokens, settings.DefaultPageSize),
            verifier,
            credentials,
            log,
            faults,
            app.Logger,
            app.Lifetime.ApplicationStopping);
    }

    private static Task Dispatch(
        HttpContext context,
        ApiRequestHandler api,
        StsRequestHandler sts,
        ControlEndpoints control)
    {
        var request = context.Request;
        if (ControlEndpoints.Owns(request.Path))
        {
            return control.HandleAsync(context);
        }

        if (request.Path == "/" && HttpMethods.IsPost(request.Method))
        {
            return StsRequestHandler.Accepts(request)
                ? sts.HandleAsync(context)
                : api.HandleAsync(context);
        }

        // The AWS JSON front end only knows POST /; anything else names no operation.
        return ResponseWriter.SendErrorAsync(context, new ServiceError(404,
            "UnknownOperationException",
            $"{request.Method} {request.Path} is not an operation; the API is POST / with an " +
            "X-Amz-Target header."), context.RequestAborted);
    }

    private static void ConfigureLogging(ILoggingBuilder logging, EmulatorSettings settings)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        if (settings.LogWarningsToStandardError)
        {
            // stdout carries only the ready line that callers parse.
            logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }
}
