using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallFlows.Runtime.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// The logic behind <c>POST /api/calls</c>: <c>{"flow": "Name", "instanceId": "optional", ...input}</c>. The flow is
/// any registered outbound flow; the rest of the body is read as the flow's input type and validated (400 naming the
/// field); the flow starts once per instance id and the answer is 202 with the check-status payload and a
/// <c>Location</c> header.
/// </summary>
/// <param name="flows">The registered flows.</param>
/// <param name="links">Creates the management links.</param>
/// <param name="logger">The logger.</param>
internal sealed class CallStarter(CallFlowRegistry flows, ICallManagementLinkFactory links, ILogger<CallStarter> logger)
{
    private static readonly JsonSerializerOptions RequestOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Handles one start request.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>202 with the payload, or 400.</returns>
    public async Task<IActionResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, RequestOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            Log.InvalidStartRequest(logger, exception.Path ?? "body", exception.Message);
            return JsonHttpResult.BadRequest($"The body is not a valid start request: {exception.Message}", exception.Path);
        }

        var (flow, input, instanceIdOrNull, error) = Validate(body);
        if (error is not null)
        {
            Log.InvalidStartRequest(logger, error.Value.Field, error.Value.Message);
            return JsonHttpResult.BadRequest(error.Value.Message, error.Value.Field);
        }

        var name = flow!.Name;
        var instanceId = instanceIdOrNull ?? CallInstanceIds.OutboundPrefix + Guid.NewGuid().ToString("N");
        using var scope = CallLogScope.Begin(logger, instanceId);
        using var span = CallFlowsTelemetry.StartCallSpan("CallFlows.StartCall", ActivityKind.Server, instanceId);
        span?.SetTag(CallFlowsTags.Flow, name);
        var existing = instanceIdOrNull is null ? null : await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is not null)
        {
            if (!string.Equals(existing.Name, name, StringComparison.Ordinal))
            {
                Log.InvalidStartRequest(logger, "instanceId", $"already used by {existing.Name}");
                return JsonHttpResult.Error(StatusCodes.Status409Conflict, $"Instance '{instanceId}' already runs flow {existing.Name}.");
            }

            Log.StartRequestRepeated(logger, instanceId, name);
        }
        else
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(name), WithRootSpan(input!, flow.InputType, span), new StartOrchestrationOptions(instanceId), cancellationToken);
                Log.OutboundCallScheduled(logger, instanceId, name);
            }
            catch (Exception exception) when (instanceIdOrNull is not null && !cancellationToken.IsCancellationRequested)
            {
                // Two requests with the same idempotency key raced: the one that lost finds the winner's instance.
                if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None) is null)
                {
                    Log.SchedulingFailed(logger, instanceId, name, exception);
                    throw;
                }

                Log.StartRequestRepeated(logger, instanceId, name);
            }
        }

        var payload = links.Create(request, client, instanceId);
        var result = new JsonHttpResult(StatusCodes.Status202Accepted, payload);
        result.Headers["Location"] = payload.StatusQueryGetUri;
        return result;
    }

    /// <summary>
    /// The input to store: the flow's input, plus the call's root span id beside its fields when the request is traced
    /// (read back by <see cref="CallFlowExecution.ReadRootSpanId"/>; the flow's own input type ignores the extra field).
    /// Written as the default converters write the input (System.Text.Json defaults, read back case-insensitively).
    /// </summary>
    private static object WithRootSpan(object input, Type inputType, Activity? span)
    {
        if (span is null || JsonSerializer.SerializeToNode(input, inputType) is not System.Text.Json.Nodes.JsonObject stored)
        {
            return input;
        }

        stored[CallFlowExecution.RootSpanProperty] = span.SpanId.ToHexString();
        return stored;
    }

    /// <summary>Validates a start request: the flow, the instance id, the flow's input.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The flow, its input and the instance id, or the first error with the field to blame.</returns>
    internal (CallFlowRegistration? Flow, object? Input, string? InstanceId, (string Field, string Message)? Error) Validate(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Fail("body", "A JSON object body is required.");
        }

        var flowName = Property(body, "flow");
        var flow = flows.Find(flowName, CallFlowKind.Outbound);
        if (flow is null)
        {
            return Fail("flow", $"'flow' must name a registered outbound flow: {flows.Names(CallFlowKind.Outbound)}.");
        }

        var instanceId = Property(body, "instanceId");
        if (instanceId is not null && !CallInstanceIds.IsValidClientId(instanceId))
        {
            return Fail("instanceId", "'instanceId' must be 1-100 of A-Z a-z 0-9 - _ . and must not start with 'in-'.");
        }

        object input;
        try
        {
            input = body.Deserialize(flow.InputType, RequestOptions) ?? throw new JsonException("The body is empty.");
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return Fail(field, $"The body is not a valid {flow.Name} request: {exception.Message}");
        }

        if (FlowSettingsBinder.FirstProblem(flow.Flow.ValidateInput(input)) is { } problem)
        {
            return Fail(problem.Field, problem.Message);
        }

        return (flow, input, instanceId, null);
    }

    private static string? Property(JsonElement body, string name)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return null;
    }

    private static (CallFlowRegistration?, object?, string?, (string, string)?) Fail(string field, string message) => (null, null, null, (field, message));
}
