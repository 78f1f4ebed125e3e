using System.Diagnostics;
using Microsoft.DurableTask;

namespace CallFlows.Runtime.Telemetry;

/// <summary>
/// Telemetry recorded by orchestrator code. An orchestrator replays its history on every episode, so everything here
/// records only when <see cref="TaskOrchestrationContext.IsReplaying"/> is false: each decision is recorded once, in
/// the episode that made it. Times are orchestration times (deterministic), never the wall clock.
/// </summary>
internal static class FlowTelemetry
{
    /// <summary>The flow's first episode: counts the call as started and active.</summary>
    /// <param name="context">The orchestration context.</param>
    public static void Started(TaskOrchestrationContext context)
    {
        if (context.IsReplaying)
        {
            return;
        }

        var flow = new KeyValuePair<string, object?>(CallFlowsTags.Flow, context.Name.Name);
        CallFlowsTelemetry.CallsStarted.Add(1, flow);
        CallFlowsTelemetry.ActiveCalls.Add(1, flow);
    }

    /// <summary>
    /// The flow ended: counts it by outcome and emits the flow's span (from its first step to its outcome, in the call's
    /// trace) once, from the episode that decided the outcome.
    /// </summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="startedAt">The orchestration time of the flow's first step.</param>
    /// <param name="outcome">The outcome's result name.</param>
    /// <param name="succeeded">Whether the outcome is a success.</param>
    /// <param name="description">The outcome's sentence.</param>
    /// <param name="rootSpanId">The call's root span id, the flow span's parent; null when the call was not traced from its start.</param>
    public static void Ended(TaskOrchestrationContext context, DateTime startedAt, string outcome, bool succeeded, string description, string? rootSpanId)
    {
        if (context.IsReplaying)
        {
            return;
        }

        var flow = new KeyValuePair<string, object?>(CallFlowsTags.Flow, context.Name.Name);
        CallFlowsTelemetry.CallsEnded.Add(1, flow, new KeyValuePair<string, object?>(CallFlowsTags.Outcome, outcome),
            new KeyValuePair<string, object?>(CallFlowsTags.Succeeded, succeeded));
        CallFlowsTelemetry.ActiveCalls.Add(-1, flow);

        using var activity = CallFlowsTelemetry.StartCallSpan("CallFlows.Flow " + context.Name.Name, ActivityKind.Internal, context.InstanceId, rootSpanId);
        if (activity is null)
        {
            return;
        }

        activity.SetStartTime(DateTime.SpecifyKind(startedAt, DateTimeKind.Utc));
        activity.SetTag(CallFlowsTags.Flow, context.Name.Name);
        activity.SetTag(CallFlowsTags.Outcome, outcome);
        activity.SetTag(CallFlowsTags.Succeeded, succeeded);
        if (!succeeded)
        {
            activity.Fail(description);
        }

        activity.SetEndTime(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
    }

    /// <summary>The flow consumed a callback event: records the lag from the event's time to this episode.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="envelope">The event.</param>
    public static void Resumed(TaskOrchestrationContext context, CallbackEnvelope envelope)
    {
        if (context.IsReplaying || envelope.EventTime is not { } eventTime)
        {
            return;
        }

        var lag = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)) - eventTime;
        CallFlowsTelemetry.CallbackResumeLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>(CallFlowsTags.EventType, envelope.Name));
    }
}
