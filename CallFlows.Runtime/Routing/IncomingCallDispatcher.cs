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
/// The Event Grid webhook logic behind <c>/api/incoming-call</c>: the validation handshakes, then for each incoming call
/// either one orchestration, chosen by <see cref="CallRouter"/>, or (beyond admission control's limits) a busy
/// rejection. Answers 2xx only once every call's orchestration is durably scheduled (or already existed), so Event
/// Grid retries a delivery that failed half-way. A flow marked <see cref="CallFlowAttribute.AnswerOnArrival"/> has its
/// call answered here, right after it is scheduled, so the answer does not wait behind the task hub's backlog.
/// </summary>
/// <param name="router">The routing rules.</param>
/// <param name="admission">Admission control (per-call limits).</param>
/// <param name="responder">Answers on arrival and busy rejections.</param>
/// <param name="time">The clock (the answer's first-sent time).</param>
/// <param name="logger">The logger.</param>
internal sealed class IncomingCallDispatcher(CallRouter router, IncomingCallAdmission admission, IncomingCallResponder responder, TimeProvider time, ILogger<IncomingCallDispatcher> logger)
{
    // Calls whose delivery this process is handling right now. The Azure Storage provider's duplicate-instance check
    // (read, then write) is not atomic: two deliveries of one call scheduled at the same moment both pass it and start
    // two executions of one instance, the second replacing the first while the first already received the call's
    // events. Event Grid sends a concurrent duplicate when its delivery timed out while the webhook still worked (the
    // answer on arrival makes the webhook slower), and it comes to the same app instance in the usual case.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

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
            events = EventGridEventParser.ParseMany(body);   // IncomingCall and RecordingFileStatusUpdated
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
            return JsonHttpResult.BadRequest($"Event type '{unknown.EventType}' is not handled here; subscribe only to Microsoft.Communication.IncomingCall and Microsoft.Communication.RecordingFileStatusUpdated.", "eventType");
        }

        var recordingFiles = 0;
        foreach (var recording in events.Where(e => e.Kind == EventGridParseResultKind.RecordingFileStatusUpdated).Select(e => e.RecordingFileStatusUpdated!))
        {
            recordingFiles += await RouteRecordingFileAsync(client, recording, cancellationToken) ? 1 : 0;
        }

        var started = new List<string>();
        var duplicates = new List<string>();
        var busy = new List<string>();
        foreach (var incoming in events.Where(e => e.Kind == EventGridParseResultKind.IncomingCall).Select(e => e.IncomingCall!))
        {
            var instanceId = CallInstanceIds.ForIncomingCall(incoming);
            switch (await HandleCallAsync(client, incoming, instanceId, cancellationToken))
            {
                case CallDisposition.Started:
                    started.Add(instanceId);
                    break;
                case CallDisposition.Duplicate:
                    duplicates.Add(instanceId);
                    break;
                case CallDisposition.RejectedBusy:
                    busy.Add(instanceId);
                    break;
                default:
                    // The busy rejection could not be sent (ACS unavailable): let Event Grid deliver the call again.
                    return JsonHttpResult.Error(StatusCodes.Status503ServiceUnavailable, "The call could be neither admitted nor rejected; deliver it again.");
            }
        }

        return new JsonHttpResult(StatusCodes.Status200OK, new DeliveryResponse(started, duplicates, busy) { RecordingFiles = recordingFiles });
    }

    private async Task<CallDisposition> HandleCallAsync(DurableTaskClient client, IncomingCall incoming, string instanceId, CancellationToken cancellationToken)
    {
        using var scope = CallLogScope.Begin(logger, instanceId, serverCallId: incoming.ServerCallId, correlationId: incoming.CorrelationId);
        if (!_inFlight.TryAdd(instanceId, 0))
        {
            // The delivery in progress answers Event Grid for the call: 2xx once scheduled, 5xx (so it is retried) if not.
            Log.DuplicateIncomingCall(logger, instanceId, incoming.EventId);
            return CallDisposition.Duplicate;
        }

        try
        {
            return await HandleFirstDeliveryAsync(client, incoming, instanceId, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(instanceId, out _);
        }
    }

    private async Task<CallDisposition> HandleFirstDeliveryAsync(DurableTaskClient client, IncomingCall incoming, string instanceId, CancellationToken cancellationToken)
    {
        using var span = CallFlowsTelemetry.StartCallSpan("CallFlows.IncomingCall", ActivityKind.Server, instanceId);
        // A redelivery of a call already started is recognised before admission, so it is never rejected as busy.
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            Log.DuplicateIncomingCall(logger, instanceId, incoming.EventId);
            span?.SetTag("callflows.duplicate", true);
            return CallDisposition.Duplicate;
        }

        var now = time.GetUtcNow();
        // Repeatability-First-Sent is an IMF-fixdate: whole seconds, so the flow's repeat carries the same value.
        var sentAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (!admission.TryAdmitCall(out var limit, out var lease))
        {
            if (limit == IncomingCallAdmission.StoppingLimit)
            {
                AdmissionLog.DeliveryWhileStopping(logger, instanceId);
                return CallDisposition.Unhandled;
            }

            return await responder.RejectBusyAsync(instanceId, incoming, limit!, sentAt, cancellationToken)
                ? CallDisposition.RejectedBusy
                : CallDisposition.Unhandled;
        }

        using (lease)
        {
            var decision = router.Route(incoming);
            span?.SetTag(CallFlowsTags.Flow, decision.FlowName).SetTag(CallFlowsTags.Route, decision.Route)
                .SetTag(CallFlowsTags.ServerCallId, incoming.ServerCallId).SetTag(CallFlowsTags.CorrelationId, incoming.CorrelationId);
            if (decision.IsUnrouted)
            {
                Log.UnroutedCall(logger, incoming.To?.RawId, incoming.From?.RawId, decision.RejectReason);
            }

            var answerOnArrival = decision.AnswerOnArrival && !string.IsNullOrEmpty(incoming.IncomingCallContext);
            var rootSpanId = span?.SpanId.ToHexString();
            if (!await StartOnceAsync(client, instanceId, decision, decision.ToInput(incoming, answerOnArrival ? sentAt : null, rootSpanId), cancellationToken))
            {
                Log.DuplicateIncomingCall(logger, instanceId, incoming.EventId);
                span?.SetTag("callflows.duplicate", true);
                return CallDisposition.Duplicate;
            }

            Log.IncomingCallScheduled(logger, instanceId, decision.FlowName, decision.Route, incoming.To?.RawId, incoming.From?.RawId);
            if (answerOnArrival)
            {
                // After the flow is durably scheduled, so its callbacks find it. The flow waits for this answer's CallConnected
                // instead of answering itself; a failure here tells it to send the same answer at once.
                if (!await responder.AnswerOnArrivalAsync(instanceId, incoming, sentAt, rootSpanId, cancellationToken))
                {
                    await TellFlowAnswerFailedAsync(client, instanceId, sentAt);
                }
            }

            return CallDisposition.Started;
        }
    }

    /// <summary>
    /// Wakes a flow whose answer on arrival failed so it answers at once; should this raise fail too, the flow answers
    /// itself after <see cref="CallFlowContext.ArrivalGrace"/>.
    /// </summary>
    private async Task TellFlowAnswerFailedAsync(DurableTaskClient client, string instanceId, DateTimeOffset sentAt)
    {
        var operationContext = CallActionIdentity.ForAnswerOnArrival(instanceId, sentAt, null).OperationContext;
        var envelope = new CallbackEnvelope(instanceId + ":answer-on-arrival-failed", CallFlowContext.AnswerOnArrivalFailedEvent, sentAt, null, operationContext, null);
        try
        {
            await client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, envelope, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            AdmissionLog.AnswerOnArrivalFailureNotRaised(logger, instanceId, exception);
        }
    }

    /// <summary>Raises a recording file event into the flow that recorded the server call (found by its index entry).</summary>
    private async Task<bool> RouteRecordingFileAsync(DurableTaskClient client, RecordingFileStatusUpdated recording, CancellationToken cancellationToken)
    {
        var owner = recording.ServerCallId is { Length: > 0 } serverCallId
            ? (await client.GetInstanceAsync(RecordingOwner.IndexInstanceId(serverCallId), getInputsAndOutputs: true, cancellationToken))?.ReadInputAs<RecordingOwner>()
            : null;
        if (owner is null || string.IsNullOrEmpty(owner.InstanceId))
        {
            // Recordings this app did not start through a flow (or whose flow was purged): nothing to wake; 200 stops redelivery.
            Log.RecordingFileUnowned(logger, recording.ServerCallId, recording.EventId);
            return false;
        }

        var instance = await client.GetInstanceAsync(owner.InstanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            Log.RecordingFileUnowned(logger, recording.ServerCallId, recording.EventId);
            return false;
        }

        await client.RaiseEventAsync(owner.InstanceId, CallFlowEvents.CallbackEventName, RecordingFileEvents.ToEnvelope(recording), cancellationToken);
        Log.RecordingFileRouted(logger, owner.ServerCallId, recording.EventId, owner.InstanceId);
        return true;
    }

    private async Task<bool> StartOnceAsync(DurableTaskClient client, string instanceId, RouteDecision decision, object input, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(decision.FlowName), input,
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
    /// <param name="RejectedBusy">Instance ids the call would have had, for calls rejected as busy by admission control.</param>
    public sealed record DeliveryResponse(IReadOnlyList<string> Started, IReadOnlyList<string> Duplicates, IReadOnlyList<string> RejectedBusy)
    {
        /// <summary>Recording file events raised into their flows.</summary>
        public int RecordingFiles { get; init; }
    }

    private enum CallDisposition
    {
        Started,
        Duplicate,
        RejectedBusy,
        Unhandled,
    }
}
