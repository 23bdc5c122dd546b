using System.Text.Json;
using LookoutTools.Emulator.Auth;
using LookoutTools.Emulator.Data;
using LookoutTools.Emulator.Faults;
using LookoutTools.Emulator.Protocol;
using LookoutTools.Emulator.Sts;
using Microsoft.AspNetCore.Http;

namespace LookoutTools.Emulator.Control;

/// <summary>
/// The test-only endpoints under /_emulator/: health, the request log, fault rules and the
/// accepted access keys. They are reached by path alone, so no API request can touch them.
/// </summary>
internal sealed class ControlEndpoints(
    ModelCatalog catalog,
    RequestLog log,
    FaultRuleSet faults,
    CredentialStore credentials,
    TimeProvider clock)
{
    private const string KnownPaths =
        "/_emulator/health, /_emulator/requests, /_emulator/faults or /_emulator/credentials";

    private const int MaxRulesBodyBytes = 256 * 1024;

    public static bool Owns(PathString path) =>
        path.StartsWithSegments("/_emulator", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        const string containerPrefix = "/_emulator/container-credentials/";
        var path = context.Request.Path.Value ?? "";
        if (method == "GET" && path.StartsWith(containerPrefix, StringComparison.Ordinal))
        {
            return SendContainerCredentialsAsync(context, path[containerPrefix.Length..]);
        }

        return (context.Request.Path.Value, method) switch
        {
            ("/_emulator/health", "GET") => SendHealthAsync(context),
            ("/_emulator/requests", "GET") => SendJsonAsync(context, log.WriteTo),
            ("/_emulator/requests", "DELETE") => NoContent(context, log.Clear),
            ("/_emulator/faults", "GET") => SendJsonAsync(context, faults.WriteTo),
            ("/_emulator/faults", "POST") => SetFaultsAsync(context),
            ("/_emulator/faults", "DELETE") => NoContent(context, faults.Clear),
            ("/_emulator/credentials", "GET") => SendJsonAsync(context, WriteCredentials),
            ("/_emulator/health" or "/_emulator/requests" or "/_emulator/faults"
                or "/_emulator/credentials", _) =>
                ResponseWriter.SendMessageAsync(context, 405, $"{method} is not allowed here."),
            _ => ResponseWriter.SendMessageAsync(context, 404,
                $"Unknown control endpoint; use {KnownPaths}."),
        };
    }

    /// <summary>Every accepted access key and what it stands for; no secret, no token.</summary>
    private void WriteCredentials(Utf8JsonWriter writer)
    {
        var now = clock.GetUtcNow();
        writer.WriteStartArray();
        foreach (var credential in credentials.Snapshot())
        {
            writer.WriteStartObject();
            writer.WriteString("AccessKey", credential.AccessKey);
            writer.WriteString("Source", credential.IsIssued ? "AssumeRole" : "Configured");
            writer.WriteBoolean("SessionTokenRequired", credential.Keys.SessionToken is not null);
            if (credential.Role is { } role)
            {
                writer.WriteString("RoleArn", role.RoleArn);
                writer.WriteString("RoleSessionName", role.RoleSessionName);
                writer.WriteString("AssumedRoleArn", role.AssumedRoleArn);
                writer.WriteString("SourceAccessKey", role.SourceAccessKey);
                writer.WriteString("Expiration", StsResponseWriter.FormatTime(role.Expiration));
                writer.WriteBoolean("Expired", role.Expiration <= now);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Answers as an ECS container credentials endpoint does, with the configured key pair
    /// the path names, so a test can point AWS_CONTAINER_CREDENTIALS_FULL_URI here and see
    /// that key sign its requests. Test-only, on 127.0.0.1, and only for configured keys.
    /// </summary>
    private Task SendContainerCredentialsAsync(HttpContext context, string accessKey)
    {
        var credential = credentials.Find(accessKey);
        if (credential is null || credential.IsIssued)
        {
            return ResponseWriter.SendMessageAsync(context, 404,
                $"No configured access key '{accessKey}'.");
        }

        return SendJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("AccessKeyId", credential.Keys.AccessKey);
            writer.WriteString("SecretAccessKey", credential.Keys.SecretKey);
            if (credential.Keys.SessionToken is { } token) writer.WriteString("Token", token);
            writer.WriteString("Expiration",
                StsResponseWriter.FormatTime(clock.GetUtcNow().AddHours(1)));
            writer.WriteEndObject();
        });
    }

    private Task SendHealthAsync(HttpContext context) => SendJsonAsync(context, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Status", "ok");
        writer.WriteNumber("Models", catalog.ModelsByName.Count);
        writer.WriteNumber("ModelVersions", catalog.TotalVersions);
        writer.WriteEndObject();
    });

    private async Task SetFaultsAsync(HttpContext context)
    {
        FaultRule[] rules;
        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (body.Length > MaxRulesBodyBytes)
            {
                throw new FormatException($"The rules may take at most {MaxRulesBodyBytes} bytes.");
            }

            using var document = JsonDocument.Parse(body.ToArray());
            rules = FaultRuleSet.Parse(document.RootElement);
        }
        catch (Exception error) when (error is JsonException or FormatException)
        {
            await ResponseWriter.SendMessageAsync(context, 400, error.Message);
            return;
        }

        faults.Replace(rules);
        await SendJsonAsync(context, faults.WriteTo);
    }

    private static async Task SendJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, ResponseWriter.WriterOptions))
        {
            write(writer);
        }

        context.Response.ContentType = "application/json";
        await ResponseWriter.SendAsync(
            context.Response, buffer.WrittenMemory, context.RequestAborted);
    }

    private static Task NoContent(HttpContext context, Action clear)
    {
        clear();
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }
}
