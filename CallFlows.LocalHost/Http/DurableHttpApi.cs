using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlows.LocalHost.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CallFlows.LocalHost.Http;

/// <summary>The Durable Functions HTTP management API (<c>/runtime/webhooks/durabletask/...</c>), same routes and JSON shape as in Azure.</summary>
internal static class DurableHttpApi
{
    public const string Prefix = "/runtime/webhooks/durabletask";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/host/status", () => Results.Json(new { state = "Running" }, Json));
        app.MapGet(Prefix + "/instances/{instanceId}", GetStatusAsync);
        app.MapGet(Prefix + "/instances", (Delegate)ListAsync);
        app.MapPost(Prefix + "/instances/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync);
        app.MapPost(Prefix + "/instances/{instanceId}/terminate", (HttpContext c, string instanceId, string? reason) =>
            ControlAsync(c, instanceId, (client, ct) => client.TerminateInstanceAsync(instanceId, reason, ct)));
        app.MapPost(Prefix + "/instances/{instanceId}/suspend", (HttpContext c, string instanceId, string? reason) =>
            ControlAsync(c, instanceId, (client, ct) => client.SuspendInstanceAsync(instanceId, reason, ct)));
        app.MapPost(Prefix + "/instances/{instanceId}/resume", (HttpContext c, string instanceId, string? reason) =>
            ControlAsync(c, instanceId, (client, ct) => client.ResumeInstanceAsync(instanceId, reason, ct)));
        app.MapDelete(Prefix + "/instances/{instanceId}", PurgeAsync);
    }

    static async Task<IResult> GetStatusAsync(HttpContext context, string instanceId)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        bool showInput = QueryFlag(context, "showInput", defaultValue: true);
        bool showHistory = QueryFlag(context, "showHistory", defaultValue: false);
        bool failureAs500 = QueryFlag(context, "returnInternalServerErrorOnFailure", defaultValue: false);

        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, context.RequestAborted);
        if (metadata is null)
        {
            return Results.NotFound();
        }

        JsonObject body = ToJson(metadata, showInput);
        if (showHistory && client is LocalDurableTaskClient local
            && await local.GetSerializedHistoryAsync(instanceId, context.RequestAborted) is { } history)
        {
            body["historyEvents"] = ParseOrString(history);
        }

        int status = metadata.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending => StatusCodes.Status202Accepted,
            OrchestrationRuntimeStatus.Failed when failureAs500 => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status200OK,
        };

        if (status == StatusCodes.Status202Accepted)
        {
            context.Response.Headers.Location = DurableHttpManagementPayload.Create(BaseAddress(context), instanceId).StatusQueryGetUri;
            context.Response.Headers.RetryAfter = "1";
        }

        return Results.Json(body, Json, statusCode: status);
    }

    static async Task<IResult> ListAsync(HttpContext context)
    {
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        IQueryCollection q = context.Request.Query;
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (string? value in q["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse(value, ignoreCase: true, out OrchestrationRuntimeStatus parsed))
            {
                return Reject(context, $"runtimeStatus '{value}' is not a runtime status");
            }

            statuses.Add(parsed);
        }

        int top = 100;
        if (q.TryGetValue("top", out var topText) && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top <= 0))
        {
            return Reject(context, "top must be a positive integer");
        }

        DateTimeOffset? from = null, to = null;
        if (q.TryGetValue("createdTimeFrom", out var fromText))
        {
            if (!DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset f))
            {
                return Reject(context, "createdTimeFrom is not a date");
            }

            from = f;
        }

        if (q.TryGetValue("createdTimeTo", out var toText))
        {
            if (!DateTimeOffset.TryParse(toText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t))
            {
                return Reject(context, "createdTimeTo is not a date");
            }

            to = t;
        }

        bool showInput = QueryFlag(context, "showInput", defaultValue: false);
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
        JsonElement? payload = null;
        if (context.Request.ContentLength is not 0)
        {
            try
            {
                using JsonDocument doc = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                payload = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                return Reject(context, "the event body is not JSON: " + ex.Message);
            }
        }

        return await ControlAsync(context, instanceId, (c, ct) => c.RaiseEventAsync(instanceId, eventName, payload, ct));
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
            return Reject(context, $"instance '{instanceId}' is {metadata.RuntimeStatus}; only instances in a terminal state can be purged");
        }

        PurgeResult result = await client.PurgeInstanceAsync(instanceId, cancellation: context.RequestAborted);
        return Results.Json(new { instancesDeleted = result.PurgedInstanceCount }, Json);
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

    static JsonNode? ParseOrString(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }
    }

    static bool QueryFlag(HttpContext context, string name, bool defaultValue) =>
        context.Request.Query.TryGetValue(name, out var value) && bool.TryParse(value, out bool flag) ? flag : defaultValue;

    static IResult Reject(HttpContext context, string reason)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CallFlows.LocalHost.Http").ManagementRequestRejected(reason);
        return Results.Json(new { error = reason }, Json, statusCode: StatusCodes.Status400BadRequest);
    }

    static Uri BaseAddress(HttpContext context) =>
        new(context.Request.Scheme + "://" + context.Request.Host.Value + "/");
}
