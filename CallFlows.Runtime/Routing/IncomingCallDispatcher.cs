using System.Diagnostics;
using CallFlows.CallAutomation;
using CallFlows.Runtime.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Routing;

/// <summary>
/// The Event Grid webhook logic behind <c>/api/incoming-call</c>: the validation handshakes, then one orchestration per
/// incoming call, chosen by <see cref="CallRouter"/>. Answers 2xx only once every call's orchestration is durably
/// scheduled (or already existed), so Event Grid retries a delivery that failed half-way.
/// </summary>
/// <param name="router">The routing rules.</param>
/// <param name="logger">The logger.</param>
internal sealed class IncomingCallDispatcher(CallRouter router, ILogger<IncomingCallDispatcher> logger)
{
    /// <summary>Handles one webhook request.</summary>
    /// <param name="request">The HTTP request (POST delivery or OPTIONS handshake).</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The HTTP result.</returns>
    public async Task<IActionResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (HttpMethods.IsOptions(request.Method))
        {
            return Handshake(request);
        }

        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        IReadOnlyList<EventGridParseResult> events;
        try
        {
            events = EventGridIncomingCallParser.ParseMany(body);
        }
        catch (CallAutomationEventFormatException exception)
        {
            Log.MalformedDelivery(logger, exception.Message);
            return JsonHttpResult.BadRequest(exception.Message);
        }

        if (events.Count == 0)
        {
            Log.MalformedDelivery(logger, "empty delivery");
            return JsonHttpResult.BadRequest("The delivery holds no event.");
        }

        if (events.FirstOrDefault(e => e.Kind == EventGridParseResultKind.SubscriptionValidation) is { } validation)
        {
            Log.SubscriptionValidated(logger, validation.EventId);
            return new JsonHttpResult(StatusCodes.Status200OK, new SubscriptionValidationAnswer(validation.ValidationCode!));
        }

        if (events.FirstOrDefault(e => e.Kind == EventGridParseResultKind.Other) is { } unknown)
        {
            Log.UnknownEventType(logger, unknown.EventType, unknown.EventId);
            return JsonHttpResult.BadRequest($"Event type '{unknown.EventType}' is not handled here; subscribe only to Microsoft.Communication.IncomingCall.", "eventType");
        }

        var started = new List<string>();
        var duplicates = new List<string>();
        foreach (var incoming in events.Select(e => e.IncomingCall!))
        {
            var instanceId = CallInstanceIds.ForIncomingCall(incoming);
            using var scope = CallLogScope.Begin(logger, instanceId, serverCallId: incoming.ServerCallId, correlationId: incoming.CorrelationId);
            using var span = CallFlowsTelemetry.StartCallSpan("CallFlows.IncomingCall", ActivityKind.Server, instanceId);
            var decision = router.Route(incoming);
            span?.SetTag(CallFlowsTags.Flow, decision.FlowName).SetTag(CallFlowsTags.Route, decision.Route)
                .SetTag(CallFlowsTags.ServerCallId, incoming.ServerCallId).SetTag(CallFlowsTags.CorrelationId, incoming.CorrelationId);
            if (decision.IsUnrouted)
            {
                Log.UnroutedCall(logger, incoming.To?.RawId, incoming.From?.RawId, decision.RejectReason);
            }

            if (await StartOnceAsync(client, instanceId, decision, incoming, cancellationToken))
            {
                Log.IncomingCallScheduled(logger, instanceId, decision.FlowName, decision.Route, incoming.To?.RawId, incoming.From?.RawId);
                started.Add(instanceId);
            }
            else
            {
                Log.DuplicateIncomingCall(logger, instanceId, incoming.EventId);
                span?.SetTag("callflows.duplicate", true);
                duplicates.Add(instanceId);
            }
        }

        return new JsonHttpResult(StatusCodes.Status200OK, new DeliveryResponse(started, duplicates));
    }

    private async Task<bool> StartOnceAsync(DurableTaskClient client, string instanceId, RouteDecision decision, IncomingCall incoming, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(decision.FlowName), decision.ToInput(incoming),
                new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A concurrent delivery of the same call may have won the race: if its orchestration exists, this one is a
            // duplicate. Backends report the clash with different exception types; the instance's existence is what counts.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None) is not null)
            {
                return false;
            }

            // Not a duplicate: answer 5xx so Event Grid delivers the call again.
            Log.SchedulingFailed(logger, instanceId, decision.FlowName, exception);
            throw;
        }
    }

    private IActionResult Handshake(HttpRequest request)
    {
        // CloudEvents 1.0 abuse protection (HTTP webhook spec §4): echo the origin, allow any rate, POST only.
        var origin = request.Headers["WebHook-Request-Origin"].ToString();
        if (string.IsNullOrWhiteSpace(origin))
        {
            Log.MalformedDelivery(logger, "OPTIONS handshake without WebHook-Request-Origin");
            return JsonHttpResult.BadRequest("The WebHook-Request-Origin header is required.", "WebHook-Request-Origin");
        }

        Log.CloudEventsHandshake(logger, origin);
        var result = new JsonHttpResult(StatusCodes.Status200OK);
        result.Headers["WebHook-Allowed-Origin"] = origin;
        result.Headers["WebHook-Allowed-Rate"] = "*";
        result.Headers["Allow"] = "POST";
        return result;
    }

    /// <summary>The Event Grid subscription validation answer.</summary>
    /// <param name="ValidationResponse">The validation code echoed back.</param>
    public sealed record SubscriptionValidationAnswer(string ValidationResponse);

    /// <summary>What a delivery started.</summary>
    /// <param name="Started">Instance ids scheduled now.</param>
    /// <param name="Duplicates">Instance ids that already existed (redelivery).</param>
    public sealed record DeliveryResponse(IReadOnlyList<string> Started, IReadOnlyList<string> Duplicates);
}
