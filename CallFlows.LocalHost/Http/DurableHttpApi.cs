using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlows.LocalHost.Engine;
using CallFlows.LocalHost.Functions;
using DurableTask.Core.Exceptions;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CallFlows.LocalHost.Http;

/// <summary>The Durable Functions HTTP management API (<c>/runtime/webhooks/durabletask/...</c>), same routes and JSON shape as in Azure.</summary>
internal static class DurableHttpApi
{
    public const string Prefix = "/runtime/webhooks/durabletask";

    // Relaxed: replies are read by people too, and "+1555..." must not come out as "\u002B1555...".
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/host/status", () => Results.Json(new { state = "Running" }, Json));

        // Local only (the Functions host has no such route): what this process did in the task hub, for scale-out runs.
        app.MapGet("/admin/host/work", (LocalEngine engine, LocalWorkCounters counters) => Results.Json(new
        {
            workerId = engine.WorkerId,
            processId = Environment.ProcessId,
            instancesCreated = counters.InstancesCreated,
            orchestrationEpisodes = counters.OrchestrationEpisodes,
            orchestrationInstances = counters.OrchestrationInstances,
            activities = counters.Activities,
        }, Json));
        app.MapPost(Prefix + "/orchestrators/{functionName}/{instanceId?}", StartAsync);
        app.MapGet(Prefix + "/instances/{instanceId}", GetStatusAsync);
        app.MapGet(Prefix + "/instances", (Delegate)ListAsync);
        app.MapDelete(Prefix + "/instances", (Delegate)PurgeManyAsync);
        app.MapPost(Prefix + "/instances/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync);
        app.MapPost(Prefix + "/instances/{instanceId}/terminate", (HttpContext c, string instanceId, string? reason) =>
            ControlAsync(c, instanceId, (client, ct) => client.TerminateInstanceAsync(instanceId, reason, ct)));
        app.MapPost(Prefix + "/instances/{instanceId}/suspend", (HttpContext c, string instanceId, string? reason) =>
            ControlAsync(c, instanceId, (client, ct) => client.SuspendInstanceAsync(instanceId, reason, ct)));
        app.MapPost(Prefix + "/instances/{instanceId}/resume", (HttpContext c, string instanceId, string? reason) =>
            ControlAsync(c, instanceId, (client, ct) => client.ResumeInstanceAsync(instanceId, reason, ct)));
        app.MapPost(Prefix + "/instances/{instanceId}/rewind", RewindAsync);
        app.MapPost(Prefix + "/instances/{instanceId}/restart", RestartAsync);
        app.MapDelete(Prefix + "/instances/{instanceId}", PurgeAsync);
    }

    static async Task<IResult> StartAsync(HttpContext context, string functionName, string? instanceId)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        FunctionCatalog catalog = context.RequestServices.GetRequiredService<FunctionCatalog>();
        if (!catalog.Orchestrators.Any(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase)))
        {
            return Reject(context, $"'{functionName}' is not an orchestrator function of this app");
        }

        // The body is the orchestration's input, as in the extension: JSON, or nothing.
        JsonElement? input = null;
        if (context.Request.ContentLength is not 0)
        {
            using var reader = new StreamReader(context.Request.Body);
            string text = await reader.ReadToEndAsync(context.RequestAborted);
            if (text.Length > 0)
            {
                try
                {
                    using JsonDocument doc = JsonDocument.Parse(text);
                    input = doc.RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    return Reject(context, "the orchestration input is not JSON: " + ex.Message);
                }
            }
        }

        // The engine de-duplicates a start for a live instance silently (the webhook relies on that for redelivered
        // IncomingCall events); this API answers 409 as the extension does.
        if (!string.IsNullOrEmpty(instanceId)
            && await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted) is { IsCompleted: false } existing)
        {
            return Conflict(context, $"instance '{instanceId}' already exists and is {existing.RuntimeStatus}");
        }

        string name = catalog.Orchestrators.First(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase)).Name;
        var options = new StartOrchestrationOptions(string.IsNullOrEmpty(instanceId) ? null : instanceId);
        string id;
        try
        {
            id = await client.ScheduleNewOrchestrationInstanceAsync(name, input, options, context.RequestAborted);
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            return Conflict(context, ex.Message);
        }

        return CheckStatus(context, id);
    }

    static async Task<IResult> GetStatusAsync(HttpContext context, string instanceId)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        bool showInput = QueryFlag(context, "showInput", defaultValue: true);
        bool showHistory = QueryFlag(context, "showHistory", defaultValue: false);
        bool showHistoryOutput = QueryFlag(context, "showHistoryOutput", defaultValue: false);
        bool failureAs500 = QueryFlag(context, "returnInternalServerErrorOnFailure", defaultValue: false);

        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, context.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }

        JsonObject body = ToJson(metadata, showInput);
        // No history for a Pending instance (as the extension) nor on the in-memory engine, which keeps none.
        if (showHistory && metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending
            && client is LocalDurableTaskClient local
            && await local.GetSerializedHistoryAsync(instanceId, context.RequestAborted) is { } history)
        {
            body["historyEvents"] = DurableHistoryFormatter.Format(history, showInput, showHistoryOutput);
        }

        // As the Durable Functions extension answers: 202 while the instance can still make progress (a suspended
        // one included), 200 once it has stopped (a failed one too, unless 500 is asked for).
#pragma warning disable CS0618 // ContinuedAsNew is obsolete in the SDK but still a status the extension answers 202 for.
        int status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending
                or OrchestrationRuntimeStatus.ContinuedAsNew or OrchestrationRuntimeStatus.Suspended => StatusCodes.Status202Accepted,
            OrchestrationRuntimeStatus.Failed when failureAs500 => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status200OK,
        };
#pragma warning restore CS0618

        if (status == StatusCodes.Status202Accepted)
        {
            context.Response.Headers.Location = context.Request.GetEncodedUrl();
            context.Response.Headers.RetryAfter = "5";
        }

        return Results.Json(body, Json, statusCode: status);
    }

    static async Task<IResult> ListAsync(HttpContext context)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        IQueryCollection q = context.Request.Query;
        if (!TryStatuses(context, out List<OrchestrationRuntimeStatus> statuses, out string? statusError))
        {
            return Reject(context, statusError);
        }

        int top = 100;
        if (q.TryGetValue("top", out var topText) && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top <= 0))
        {
            return Reject(context, "top must be a positive integer");
        }

        if (!TryDate(context, "createdTimeFrom", out DateTimeOffset? from, out string? fromError))
        {
            return Reject(context, fromError);
        }

        if (!TryDate(context, "createdTimeTo", out DateTimeOffset? to, out string? toError))
        {
            return Reject(context, toError);
        }

        bool showInput = QueryFlag(context, "showInput", defaultValue: true);
        var query = new OrchestrationQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            CreatedFrom = from,
            CreatedTo = to,
            InstanceIdPrefix = q["instanceIdPrefix"].FirstOrDefault(),
            PageSize = top,
            FetchInputsAndOutputs = true,
            ContinuationToken = context.Request.Headers["x-ms-continuation-token"].FirstOrDefault(),
        };

        var items = new JsonArray();
        await foreach (Page<OrchestrationMetadata> page in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, top))
        {
            foreach (OrchestrationMetadata metadata in page.Values.Take(top - items.Count))
            {
                items.Add(ToJson(metadata, showInput));
            }

            if (page.ContinuationToken is { Length: > 0 } token)
            {
                context.Response.Headers["x-ms-continuation-token"] = token;
            }

            break;
        }

        return Results.Json(items, Json);
    }

    static async Task<IResult> RaiseEventAsync(HttpContext context, string instanceId, string eventName)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }

        if (metadata.IsCompleted)
        {
            return Results.StatusCode(StatusCodes.Status410Gone);
        }

        // As the extension: only application/json is taken (a text/plain body would reach the flow as a bare string).
        if (!string.Equals(context.Request.GetTypedHeaders().ContentType?.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(context, "only application/json request content is supported");
        }

        JsonElement? payload = null;
        try
        {
            using JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            payload = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Reject(context, "the event body is not JSON: " + ex.Message);
        }

        await client.RaiseEventAsync(instanceId, eventName, payload, context.RequestAborted);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    static async Task<IResult> ControlAsync(HttpContext context, string instanceId, Func<DurableTaskClient, CancellationToken, Task> action)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }

        if (metadata.IsCompleted)
        {
            // As in Azure: the instance is in a terminal state and can no longer take this operation.
            return Results.StatusCode(StatusCodes.Status410Gone);
        }

        await action(client, context.RequestAborted);
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    static async Task<IResult> RewindAsync(HttpContext context, string instanceId, string? reason)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }

        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return Precondition(context, $"instance '{instanceId}' is {metadata.RuntimeStatus}; only a Failed instance can be rewound");
        }

        try
        {
            await client.RewindInstanceAsync(instanceId, reason ?? string.Empty, context.RequestAborted);
        }
        catch (NotSupportedException ex)
        {
            return Error(context, StatusCodes.Status501NotImplemented, ex.Message);
        }

        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    static async Task<IResult> RestartAsync(HttpContext context, string instanceId)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();

        // The extension's default: the restarted flow runs under a new instance id.
        bool newId = QueryFlag(context, "restartWithNewInstanceId", defaultValue: true);
        string id;
        try
        {
            id = await client.RestartAsync(instanceId, newId, context.RequestAborted);
        }
        catch (ArgumentException ex)
        {
            return Reject(context, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OrchestrationAlreadyExistsException)
        {
            return Conflict(context, ex.Message);
        }

        return CheckStatus(context, id);
    }

    static async Task<IResult> PurgeAsync(HttpContext context, string instanceId)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, context.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }

        if (!metadata.IsCompleted)
        {
            return Precondition(context, $"instance '{instanceId}' is {metadata.RuntimeStatus}; only instances in a terminal state can be purged");
        }

        PurgeResult result = await client.PurgeInstanceAsync(instanceId, cancellation: context.RequestAborted);
        return Results.Json(new { instancesDeleted = result.PurgedInstanceCount }, Json);
    }

    static async Task<IResult> PurgeManyAsync(HttpContext context)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        if (!TryDate(context, "createdTimeFrom", out DateTimeOffset? from, out string? fromError))
        {
            return Reject(context, fromError);
        }

        if (from is null)
        {
            return Reject(context, "createdTimeFrom is required to purge instances by filter");
        }

        if (!TryDate(context, "createdTimeTo", out DateTimeOffset? to, out string? toError))
        {
            return Reject(context, toError);
        }

        if (!TryStatuses(context, out List<OrchestrationRuntimeStatus> statuses, out string? statusError))
        {
            return Reject(context, statusError);
        }

        TimeProvider time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var filter = new PurgeInstancesFilter(from, to ?? time.GetUtcNow(), statuses.Count > 0 ? statuses : null);
        PurgeResult result = await client.PurgeAllInstancesAsync(filter, cancellation: context.RequestAborted);

        // As the extension: nothing matched is 404.
        return result.PurgedInstanceCount == 0
            ? Results.NotFound()
            : Results.Json(new { instancesDeleted = result.PurgedInstanceCount }, Json);
    }

    static IResult CheckStatus(HttpContext context, string instanceId)
    {
        var payload = DurableHttpManagementPayload.Create(BaseAddress(context), instanceId);
        context.Response.Headers.Location = payload.StatusQueryGetUri;
        context.Response.Headers.RetryAfter = "10";
        return Results.Json(payload, Json, statusCode: StatusCodes.Status202Accepted);
    }

    static bool TryStatuses(HttpContext context, out List<OrchestrationRuntimeStatus> statuses, [NotNullWhen(false)] out string? error)
    {
        statuses = [];
        error = null;
        foreach (string value in context.Request.Query["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse(value, ignoreCase: true, out OrchestrationRuntimeStatus parsed) || int.TryParse(value, out _))
            {
                error = $"runtimeStatus '{value}' is not a runtime status";
                return false;
            }

            statuses.Add(parsed);
        }

        return true;
    }

    static bool TryDate(HttpContext context, string name, out DateTimeOffset? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        error = null;
        if (!context.Request.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            error = $"{name} is not an ISO 8601 date";
            return false;
        }

        value = parsed;
        return true;
    }

    static JsonObject ToJson(OrchestrationMetadata metadata, bool showInput)
    {
        var body = new JsonObject
        {
            ["name"] = metadata.Name,
            ["instanceId"] = metadata.InstanceId,
            ["runtimeStatus"] = metadata.RuntimeStatus.ToString(),
            ["input"] = showInput ? ParseOrString(metadata.SerializedInput) : null,
            ["customStatus"] = ParseOrString(metadata.SerializedCustomStatus),
            ["output"] = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.FailureDetails is { } failure
                ? JsonValue.Create(failure.ErrorType + ": " + failure.ErrorMessage)
                : ParseOrString(metadata.SerializedOutput),
            ["createdTime"] = metadata.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["lastUpdatedTime"] = metadata.LastUpdatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };

        if (metadata.FailureDetails is { } details)
        {
            body["failureDetails"] = new JsonObject
            {
                ["errorType"] = details.ErrorType,
                ["errorMessage"] = details.ErrorMessage,
                ["stackTrace"] = details.StackTrace,
            };
        }

        return body;
    }

    static JsonNode? ParseOrString(string? serialized) =>
        string.IsNullOrEmpty(serialized) ? null : DurableHistoryFormatter.ParseEmbedded(serialized);

    static bool QueryFlag(HttpContext context, string name, bool defaultValue) =>
        context.Request.Query.TryGetValue(name, out var value) && bool.TryParse(value, out bool flag) ? flag : defaultValue;

    static IResult Reject(HttpContext context, string reason) => Error(context, StatusCodes.Status400BadRequest, reason);

    static IResult Conflict(HttpContext context, string reason) => Error(context, StatusCodes.Status409Conflict, reason);

    static IResult Precondition(HttpContext context, string reason) => Error(context, StatusCodes.Status412PreconditionFailed, reason);

    static IResult Error(HttpContext context, int status, string reason)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CallFlows.LocalHost.Http").ManagementRequestRejected(status, reason);
        return Results.Json(new { error = reason }, Json, statusCode: status);
    }

    static Uri BaseAddress(HttpContext context) =>
        new(context.Request.Scheme + "://" + context.Request.Host.Value + "/");
}
