using System.Text;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation.Recording;
using Microsoft.AspNetCore.Http.Features;

namespace CallFlows.Emulator.Rest;

/// <summary>
/// The recording file locations handed out in <c>RecordingFileStatusUpdated</c>: GET <c>/v1/objects/{id}/content/audio</c>
/// (a WAV), GET <c>/v1/objects/{id}/content/acsmetadata</c> (JSON), DELETE <c>/v1/objects/{id}</c>; HMAC-signed like the
/// <c>/calling</c> surface (the SDKs sign these requests with the resource key) and logged in the request log.
/// </summary>
internal static class RecordingContentApi
{
    public static void Map(WebApplication app, RecordingEngine recordings, HmacAuthenticator authenticator, EmulatorLog<RecordedRequest> requestLog, TimeProvider time)
    {
        app.MapGet("/v1/objects/{documentId}/content/{kind}", (HttpContext context, string documentId, string kind) =>
            Handle(context, authenticator, requestLog, time, "Recording_Download", () =>
            {
                if (!recordings.TryGetFile(documentId, out var wav, out var metadata))
                {
                    return (404, NotFound(documentId), "application/json; charset=utf-8");
                }

                return kind switch
                {
                    "audio" => (200, wav, "audio/wav"),
                    "acsmetadata" => (200, Encoding.UTF8.GetBytes(metadata.ToJsonString()), "application/json; charset=utf-8"),
                    _ => (404, NotFound(documentId + "/" + kind), "application/json; charset=utf-8"),
                };
            }));
        app.MapDelete("/v1/objects/{documentId}", (HttpContext context, string documentId) =>
            Handle(context, authenticator, requestLog, time, "Recording_Delete", () =>
                recordings.DeleteFile(documentId) ? (200, [], null) : (404, NotFound(documentId), "application/json; charset=utf-8")));
    }

    private static async Task Handle(HttpContext context, HmacAuthenticator authenticator, EmulatorLog<RecordedRequest> requestLog, TimeProvider time,
        string operation, Func<(int Status, byte[] Body, string? ContentType)> action)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var failure = authenticator.Verify(request, rawTarget, buffer.ToArray());
        var (status, body, contentType) = failure is null
            ? action()
            : (401, Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject { ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "Unauthorized", ["message"] = failure } }.ToJsonString()),
                "application/json; charset=utf-8");
        context.Response.StatusCode = status;
        if (contentType is not null)
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }

        requestLog.Add(new RecordedRequest
        {
            Time = time.GetUtcNow(),
            Method = request.Method,
            Path = rawTarget,
            Operation = operation,
            Status = status,
            ErrorCode = status >= 400 ? (status == 401 ? "Unauthorized" : "NotFound") : null,
            RequestBody = string.Empty,
            // Error bodies only: a file is not a Call Automation response body.
            ResponseBody = status >= 400 ? Encoding.UTF8.GetString(body) : string.Empty,
        });
    }

    private static byte[] NotFound(string what) =>
        Encoding.UTF8.GetBytes($"{{\"error\":{{\"code\":\"NotFound\",\"message\":\"No recording content '{what}' (never existed or deleted).\"}}}}");
}
