using System.Diagnostics;
using CallFlows.CallAutomation;
using CallFlows.Runtime.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// The callback logic behind <c>/api/callbacks/{instanceId}</c>: authenticates the ACS token, parses the CloudEvents
/// and raises each into the instance under <see cref="CallFlowEvents.CallbackEventName"/> as a
/// <see cref="CallbackEnvelope"/>. The flow runtime does the matching, de-duplication and ordering.
/// </summary>
/// <param name="validator">The callback token validator.</param>
/// <param name="options">The app settings (callback URL signing keys).</param>
/// <param name="stranded">Ends calls whose instance no longer runs.</param>
/// <param name="time">The clock (waits for a flow that has not started yet).</param>
/// <param name="running">Instances read as running a moment ago (one read per burst of callbacks).</param>
/// <param name="logger">The logger.</param>
internal sealed class CallbackDispatcher(
    CallbackTokenValidator validator,
    Microsoft.Extensions.Options.IOptions<CallFlowsOptions> options,
    StrandedCallEnder stranded,
    TimeProvider time,
    RunningInstanceCache running,
    ILogger<CallbackDispatcher> logger)
{
    /// <summary>How long a callback for a flow that is scheduled but has not started is held before it is refused.</summary>
    internal static readonly TimeSpan StartWait = TimeSpan.FromSeconds(20);

    /// <summary>How long a held callback waits for a <c>Pending</c> instance before it raises its events once anyway (see <see cref="WakeAsync"/>).</summary>
    internal static readonly TimeSpan WakeAfter = TimeSpan.FromSeconds(3);

    /// <summary>Handles one callback request.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="instanceId">The instance from the route.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// 200 when raised (or the instance already ended), 400 malformed, 401 unauthenticated, 403 when the URL proof does not
    /// match the instance, 404 unknown instance.
    /// </returns>
    public async Task<IActionResult> HandleAsync(HttpRequest request, string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var authentication = await validator.ValidateAsync(request.Headers.Authorization.ToString(), cancellationToken);
        if (!authentication.IsValid)
        {
            Log.CallbackUnauthenticated(logger, instanceId, authentication.Failure, authentication.Detail);
            return authentication.Failure == CallbackTokenFailure.KeysUnavailable
                ? JsonHttpResult.Error(StatusCodes.Status503ServiceUnavailable, "The callback signing keys are unavailable; retry later.")
                : JsonHttpResult.Error(StatusCodes.Status401Unauthorized, "The callback token is not valid.");
        }

        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return JsonHttpResult.BadRequest("The instance id is missing.", "instanceId");
        }

        if (RejectUnboundUrl(request, instanceId) is { } refused)
        {
            return refused;
        }

        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        List<CallbackEnvelope> envelopes;
        try
        {
            envelopes = CallAutomationEventParser.ParseMany(body).Select(CallbackEnvelope.FromEvent).ToList();
        }
        catch (Exception exception) when (exception is CallAutomationEventFormatException or ArgumentException)
        {
            Log.MalformedCallback(logger, instanceId, exception.Message);
            return JsonHttpResult.BadRequest(exception.Message);
        }

        // The call's end is always checked against a fresh read (its flow may have completed: raising into a completed
        // instance costs the engine more than the read); other callbacks of a burst reuse a read made a moment ago.
        var ends = envelopes.Any(IsCallDisconnected);
        if (!ends && running.IsKnownRunning(instanceId))
        {
            return await RaiseAsync(client, instanceId, envelopes, RootSpanId(request), cancellationToken);
        }

        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            Log.CallbackForUnknownInstance(logger, instanceId, envelopes.Count);
            await EndStrandedCallsAsync(instanceId, null, "the instance no longer exists (purged)", envelopes, cancellationToken);
            return JsonHttpResult.Error(StatusCodes.Status404NotFound, $"No call flow instance '{instanceId}'.");
        }

        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            // Read again with the custom status, which tells a flow that runs behind a stale Pending row (see HasRun).
            instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) ?? instance;
            if (!HasRun(instance))
            {
                // The Azure Storage provider discards an event it dequeues before the instance's first episode ("Discarding
                // history event(s): No such instance"), which a call answered on arrival meets: its CallConnected comes
                // within milliseconds of the flow being scheduled. The events are raised once the flow runs.
                var started = await WaitUntilStartedAsync(client, instanceId, envelopes, cancellationToken);
                var waited = (long)time.GetElapsedTime(started.Since).TotalMilliseconds;
                if (started.Instance is not { } begun || !HasRun(begun))
                {
                    Log.CallbackBeforeStart(logger, instanceId, envelopes.Count, waited);
                    var notStarted = JsonHttpResult.Error(StatusCodes.Status503ServiceUnavailable, $"The flow of '{instanceId}' has not started yet; deliver the events again.");
                    notStarted.Headers["Retry-After"] = "1";
                    return notStarted;
                }

                Log.CallbackHeldUntilStarted(logger, instanceId, envelopes.Count, waited);
                instance = begun;
            }
            else if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
            {
                Log.CallbackForRunningFlowReadAsPending(logger, instanceId, envelopes.Count);
            }
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Failed)
        {
            await EndCallsOfEndedInstanceAsync(client, instance, envelopes, cancellationToken);
        }

        if (instance.IsCompleted)
        {
            // Late events (e.g. the CallDisconnected after the flow already recorded its outcome) are normal.
            foreach (var envelope in envelopes)
            {
                Log.CallbackAfterCompletion(logger, instanceId, instance.RuntimeStatus, envelope.EventType, envelope.EventId);
            }

            return new JsonHttpResult(StatusCodes.Status200OK, new CallbackResponse(0, envelopes.Count));
        }

        if (ends)
        {
            running.Forget(instanceId);
        }
        else
        {
            running.MarkRunning(instanceId);
        }

        return await RaiseAsync(client, instanceId, envelopes, RootSpanId(request), cancellationToken);
    }

    /// <summary>The call's root span id, if the URL carries one (telemetry only: a wrong value misplaces a span, nothing more).</summary>
    private static string? RootSpanId(HttpRequest request) =>
        request.Query[CallTraceContext.CallbackQueryParameter] is { Count: 1 } traced ? traced[0] : null;

    private static bool IsCallDisconnected(CallbackEnvelope envelope) =>
        CallAutomationEventParser.KnownEventTypes.TryGetValue(envelope.EventType, out var type) && type == typeof(CallDisconnected);

    private async Task<IActionResult> RaiseAsync(DurableTaskClient client, string instanceId, List<CallbackEnvelope> envelopes, string? rootSpanId, CancellationToken cancellationToken)
    {
        foreach (var envelope in envelopes)
        {
            using var scope = CallLogScope.Begin(logger, instanceId, envelope.CallConnectionId);
            using var span = CallFlowsTelemetry.StartCallSpan("CallFlows.Callback " + envelope.Name, ActivityKind.Server, instanceId, rootSpanId);
            span?.SetTag(CallFlowsTags.EventType, envelope.Name).SetTag(CallFlowsTags.EventId, envelope.EventId)
                .SetTag(CallFlowsTags.CallConnectionId, envelope.CallConnectionId).SetTag(CallFlowsTags.OperationContext, envelope.OperationContext);
            if (!CallAutomationEventParser.KnownEventTypes.ContainsKey(envelope.EventType))
            {
                // Still raised: the flow's timeline shows it, so an unmodelled event is reported, never silently lost.
                Log.UnknownCallbackType(logger, instanceId, envelope.EventType, envelope.EventId);
            }

            using (CallFlowsTelemetry.Source.StartActivity("CallFlows.RaiseEvent " + envelope.Name, ActivityKind.Producer))
            {
                await client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, envelope, cancellationToken);
            }

            CallFlowsTelemetry.CallbacksRaised.Add(1, new KeyValuePair<string, object?>(CallFlowsTags.EventType, envelope.Name));
            Log.CallbackRaised(logger, instanceId, envelope.EventType, envelope.EventId, envelope.OperationContext);
        }

        return new JsonHttpResult(StatusCodes.Status200OK, new CallbackResponse(envelopes.Count, 0));
    }

    /// <summary>
    /// Polls a scheduled instance (25 ms, doubling to 1 s) until it has started, for at most <see cref="StartWait"/>.
    /// An instance still <c>Pending</c> after <see cref="WakeAfter"/> gets the events raised once meanwhile (see there).
    /// </summary>
    private async Task<(OrchestrationMetadata? Instance, long Since)> WaitUntilStartedAsync(
        DurableTaskClient client, string instanceId, List<CallbackEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var since = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(25);
        var woken = false;
        OrchestrationMetadata? instance = null;
        while (time.GetElapsedTime(since) < StartWait)
        {
            await Task.Delay(delay, time, cancellationToken);
            if (!woken && time.GetElapsedTime(since) >= WakeAfter)
            {
                woken = true;
                await WakeAsync(client, instanceId, envelopes, (long)time.GetElapsedTime(since).TotalMilliseconds, cancellationToken);
            }

            instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance is null || HasRun(instance))
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.TicksPerSecond));
        }

        return (instance, since);
    }

    /// <summary>
    /// Whether the flow has run its first step. Its status row says so by leaving <c>Pending</c>, or else by the custom
    /// status every flow publishes in its first step: the Azure Storage engine sets the row's runtime status only with an
    /// episode that starts, ends, suspends or resumes the instance, so a row whose first episode's write was lost in a
    /// crash reads <c>Pending</c> to the end while later episodes still update its custom status.
    /// </summary>
    private static bool HasRun(OrchestrationMetadata instance) =>
        instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending || instance.SerializedCustomStatus is not null;

    /// <summary>
    /// Raises the held events into an instance that still reads <c>Pending</c>, without custom status, after
    /// <see cref="WakeAfter"/>. The Azure Storage engine writes an episode's history before the instance's status row: a
    /// worker killed between the two leaves a flow that has run its first step (and waits for these very events) with a
    /// <c>Pending</c> row that has no custom status, and the restarted worker discards the start message's redelivery as
    /// a duplicate, so only a new event runs the flow and writes the row again (see <see cref="HasRun"/>). Raising is
    /// safe either way: should the flow really not have started, the engine discards the events and this
    /// request, still answered only once the flow runs (or 503, so ACS delivers them again), raises them again; should it
    /// have, the flow drops the copies the answer raises by their event ids.
    /// </summary>
    private async Task WakeAsync(DurableTaskClient client, string instanceId, List<CallbackEnvelope> envelopes, long waitedMs, CancellationToken cancellationToken)
    {
        Log.CallbackWakesPendingInstance(logger, instanceId, envelopes.Count, waitedMs);
        foreach (var envelope in envelopes)
        {
            await client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, envelope, cancellationToken);
        }
    }

    /// <summary>
    /// The URL proof: the <c>sig</c> query value must be the HMAC of this instance id under a signing key, so a token
    /// captured from one call cannot be replayed at another call's callback URL. Null when the URL is bound to the instance.
    /// </summary>
    private JsonHttpResult? RejectUnboundUrl(HttpRequest request, string instanceId)
    {
        var proofs = request.Query[CallbackUrlSignature.QueryParameter];
        if (proofs.Count == 1 && CallbackUrlSignature.Verify(options.Value, instanceId, proofs[0]))
        {
            return null;
        }

        StrandedCallLog.CallbackUrlProofRejected(logger, instanceId, proofs.Count switch
        {
            0 => "no sig parameter",
            1 => "sig signed for another instance or with an unknown key",
            _ => "several sig parameters",
        });
        return JsonHttpResult.Error(StatusCodes.Status403Forbidden, "The callback URL is not bound to this instance.");
    }

    /// <summary>
    /// A terminated instance runs no more code and a failed one may have failed where the runtime could not end its call:
    /// an event for such an instance (other than the call's end) means its call may still be connected with nobody driving
    /// it, so it is ended. Completed instances are left alone: a flow that completed while its call was up handed the call
    /// to its participants on purpose (e.g. after a transfer or a connected agent).
    /// </summary>
    private async Task EndCallsOfEndedInstanceAsync(DurableTaskClient client, OrchestrationMetadata instance, List<CallbackEnvelope> envelopes,
        CancellationToken cancellationToken)
    {
        var full = await client.GetInstanceAsync(instance.InstanceId, getInputsAndOutputs: true, cancellationToken) ?? instance;
        var status = StrandedCallSweep.ReadStatus(full.SerializedCustomStatus);
        if (status is { CallConnectionId: { } current, CallState: "Disconnected" })
        {
            envelopes = envelopes.Where(e => e.CallConnectionId != current).ToList();
        }

        await EndStrandedCallsAsync(instance.InstanceId, status?.Flow ?? instance.Name, StrandedCallSweep.DescribeCause(full), envelopes, cancellationToken);
    }

    private async Task EndStrandedCallsAsync(string instanceId, string? flow, string cause, List<CallbackEnvelope> envelopes, CancellationToken cancellationToken)
    {
        var live = envelopes
            .Where(e => !string.IsNullOrEmpty(e.CallConnectionId) && !IsCallDisconnected(e))
            .Select(e => e.CallConnectionId!)
            .Distinct(StringComparer.Ordinal);
        foreach (var callConnectionId in live)
        {
            await stranded.EndIfConnectedAsync(instanceId, callConnectionId, flow, cause, cancellationToken);
        }
    }

    /// <summary>What a callback request did.</summary>
    /// <param name="Raised">Events raised into the instance.</param>
    /// <param name="Ignored">Events ignored because the instance had ended.</param>
    public sealed record CallbackResponse(int Raised, int Ignored);
}
