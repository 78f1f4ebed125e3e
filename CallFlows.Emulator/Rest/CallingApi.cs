using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CallFlows.Emulator.Faults;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Schema;
using CallFlows.Emulator.Simulation;
using Microsoft.AspNetCore.Http.Features;

namespace CallFlows.Emulator.Rest;

/// <summary>
/// The <c>/calling</c> REST surface: authentication, routing, api-version, injected faults, repeatability, body parsing and
/// spec validation, then the engine; every request is logged with its outcome.
/// </summary>
internal sealed partial class CallingApi(
    CallEngine engine,
    HmacAuthenticator authenticator,
    RepeatabilityStore repeatability,
    FaultInjection faults,
    EmulatorLog<RecordedRequest> requestLog,
    TimeProvider time,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? rawTarget : rawTarget[..query];
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }

        var (operation, methodAllowed, callConnectionId, participantRawId) = CallingRoute.Match(request.Method, rawPath);
        var repeatabilityId = request.Headers["Repeatability-Request-ID"].ToString() is { Length: > 0 } rid ? rid : null;
        var entry = new RecordedRequest
        {
            Time = time.GetUtcNow(),
            Method = request.Method,
            Path = rawTarget,
            Operation = operation?.Id,
            CallConnectionId = callConnectionId,
            Status = 0,
            RepeatabilityRequestId = repeatabilityId,
            RequestBody = Encoding.UTF8.GetString(body),
        };

        if (faults.RestResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(faults.RestResponseDelay, time, context.RequestAborted);
        }

        StoredResponse response;
        var flags = new Flags();
        try
        {
            response = await ProcessAsync(context, rawTarget, body, operation, methodAllowed, callConnectionId, participantRawId, repeatabilityId, flags);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logs.RequestCrashed(logger, ex, request.Method, rawTarget);
            response = Error(500, "InternalServerError", "The emulator failed to process the request: " + ex.Message);
        }

        if (repeatabilityId is not null && operation?.Repeatable == true && response.Status < 500)
        {
            context.Response.Headers["Repeatability-Result"] = "accepted";
        }

        if (request.Headers["x-ms-client-request-id"].ToString() is { Length: > 0 } clientRequestId)
        {
            context.Response.Headers["x-ms-client-request-id"] = clientRequestId;
        }

        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        context.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }

        Logs.RequestHandled(logger, request.Method, rawTarget, response.Status, response.ErrorCode);
        requestLog.Add(entry with
        {
            Time = time.GetUtcNow(),
            Status = response.Status,
            ErrorCode = response.ErrorCode,
            ResponseBody = response.Body ?? string.Empty,
            IsReplay = flags.Replay,
            IsInjectedFault = flags.Fault,
        });
    }

    private async Task<StoredResponse> ProcessAsync(HttpContext context, string rawTarget, byte[] body, CallingOperation? operation, bool methodAllowed,
        string? callConnectionId, string? participantRawId, string? repeatabilityId, Flags flags)
    {
        var request = context.Request;
        var authFailure = authenticator.Verify(request, rawTarget, body);
        if (authFailure is not null)
        {
            Logs.AuthenticationFailed(logger, request.Method, rawTarget, authFailure);
            return Error(401, "Unauthorized", authFailure);
        }

        if (operation is null)
        {
            return methodAllowed
                ? Error(404, "NotFound", $"No Call Automation operation at '{rawTarget}'.")
                : Error(405, "MethodNotAllowed", $"{request.Method} is not allowed on '{rawTarget}'.");
        }

        var apiVersion = request.Query["api-version"].ToString();
        if (apiVersion.Length == 0)
        {
            return BadRequest(request, rawTarget, "MissingApiVersionParameter", "The api-version query parameter is required.", "api-version");
        }

        if (!ApiVersionPattern().IsMatch(apiVersion))
        {
            return BadRequest(request, rawTarget, "InvalidApiVersionParameter", $"The api-version '{apiVersion}' is not a valid version (yyyy-MM-dd[-preview]).", "api-version");
        }

        if (faults.TryTakeRestFailure(out var faultStatus, out var retryAfter))
        {
            if (retryAfter is { } wait)
            {
                context.Response.Headers.RetryAfter = Math.Max(0, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            flags.Fault = true;
            return Error(faultStatus, faultStatus == 429 ? "TooManyRequests" : faultStatus == 503 ? "ServiceUnavailable" : "InternalServerError",
                "Injected fault: the emulator was told to fail this request.");
        }

        if (!operation.Repeatable || repeatabilityId is null)
        {
            if (operation.Repeatable && request.Headers.ContainsKey("Repeatability-First-Sent"))
            {
                return BadRequest(request, rawTarget, "BadRequest", "Repeatability-First-Sent was sent without Repeatability-Request-ID.", "Repeatability-Request-ID");
            }

            return Execute(request, rawTarget, operation, callConnectionId, participantRawId, body);
        }

        if (!Guid.TryParse(repeatabilityId, out _))
        {
            return BadRequest(request, rawTarget, "BadRequest", $"Repeatability-Request-ID '{repeatabilityId}' is not a UUID.", "Repeatability-Request-ID");
        }

        var firstSentText = request.Headers["Repeatability-First-Sent"].ToString();
        if (firstSentText.Length == 0)
        {
            return BadRequest(request, rawTarget, "BadRequest", "Repeatability-First-Sent is required with Repeatability-Request-ID.", "Repeatability-First-Sent");
        }

        if (!DateTimeOffset.TryParseExact(firstSentText, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var firstSent))
        {
            return BadRequest(request, rawTarget, "BadRequest", $"Repeatability-First-Sent '{firstSentText}' is not an IMF-fixdate (RFC 1123).", "Repeatability-First-Sent");
        }

        if (time.GetUtcNow() - firstSent > repeatability.Window)
        {
            return Error(412, "PreconditionFailed", $"Repeatability-First-Sent is older than the {repeatability.Window.TotalMinutes:0.#}-minute window in which requests can be repeated.");
        }

        var fingerprint = request.Method + " " + rawTarget.Split('?')[0] + " " + Convert.ToBase64String(SHA256.HashData(body));
        var (isNew, stored) = repeatability.Claim(repeatabilityId, fingerprint);
        if (!isNew)
        {
            if (stored.Fingerprint != fingerprint)
            {
                return BadRequest(request, rawTarget, "RepeatabilityRequestIdReused",
                    $"Repeatability-Request-ID '{repeatabilityId}' was already used for a different request.", "Repeatability-Request-ID");
            }

            var first = await stored.Response.Task.WaitAsync(TimeSpan.FromSeconds(30), context.RequestAborted);
            flags.Replay = true;
            return first;
        }

        var result = Execute(request, rawTarget, operation, callConnectionId, participantRawId, body);
        stored.Response.TrySetResult(result);
        return result;
    }

    private StoredResponse Execute(HttpRequest request, string rawTarget, CallingOperation operation, string? callConnectionId, string? participantRawId, byte[] body)
    {
        JsonObject? json = null;
        if (operation.BodyDefinition is { } definition)
        {
            if (body.Length == 0 && operation.BodyOptional)
            {
                body = "{}"u8.ToArray();
            }

            if (body.Length == 0)
            {
                return BadRequest(request, rawTarget, "BadRequest", $"A JSON body ({definition}) is required.", null);
            }

            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                return BadRequest(request, rawTarget, "InvalidJson", $"The request body is not valid JSON: {ex.Message}", null);
            }

            if (parsed is not JsonObject obj)
            {
                return BadRequest(request, rawTarget, "BadRequest", $"The request body must be a JSON object ({definition}).", null);
            }

            var violations = CallAutomationSpec.Instance.Validate(obj, definition);
            if (violations.Count > 0)
            {
                var first = violations[0];
                var details = new JsonArray(violations.Select(v => (JsonNode)new JsonObject
                {
                    ["code"] = "InvalidField",
                    ["message"] = v.ToString(),
                    ["target"] = v.Path,
                }).ToArray());
                Logs.BadRequest(logger, request.Method, rawTarget, first.ToString());
                return Error(400, "BadRequest", $"Invalid {definition}: {first}", first.Path, details);
            }

            json = obj;
        }

        try
        {
            var (status, responseBody) = engine.Execute(operation.Id, callConnectionId, participantRawId, json);
            return new StoredResponse(status, responseBody?.ToJsonString(), null);
        }
        catch (ApiException ex)
        {
            if (ex.Status == 400)
            {
                Logs.BadRequest(logger, request.Method, rawTarget, ex.Message);
            }

            return Error(ex.Status, ex.Code, ex.Message, ex.Target);
        }
    }

    private StoredResponse BadRequest(HttpRequest request, string rawTarget, string code, string message, string? target)
    {
        Logs.BadRequest(logger, request.Method, rawTarget, message);
        return Error(400, code, message, target);
    }

    internal static StoredResponse Error(int status, string code, string message, string? target = null, JsonArray? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (target is not null)
        {
            error["target"] = target;
        }

        if (details is not null)
        {
            error["details"] = details;
        }

        return new StoredResponse(status, new JsonObject { ["error"] = error }.ToJsonString(), code);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();

    /// <summary>What kind of answer a request got, beyond its status.</summary>
    private sealed class Flags
    {
        public bool Replay { get; set; }

        public bool Fault { get; set; }
    }
}
