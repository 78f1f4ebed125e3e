using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace CallFlows.Runtime.Telemetry;

/// <summary>
/// The runtime's one <see cref="ActivitySource"/> and one <see cref="Meter"/> (both named
/// <see cref="CallFlowsInstrumentation.RuntimeSourceName"/>) and its instruments. Spans are started with the call's
/// trace context (<see cref="CallTraceContext"/>); orchestration code records only when it is not replaying.
/// </summary>
internal static class CallFlowsTelemetry
{
    private static readonly string? Version = typeof(CallFlowsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(CallFlowsInstrumentation.RuntimeSourceName, Version);

    public static readonly Meter Meter = new(CallFlowsInstrumentation.RuntimeSourceName, Version);

    /// <summary>Calls whose flow started (tag <c>callflows.flow</c>).</summary>
    public static readonly Counter<long> CallsStarted = Meter.CreateCounter<long>("callflows.calls.started", "{call}", "Calls whose flow started.");

    /// <summary>Calls whose flow ended (tags <c>callflows.flow</c>, <c>callflows.outcome</c>, <c>callflows.succeeded</c>).</summary>
    public static readonly Counter<long> CallsEnded = Meter.CreateCounter<long>("callflows.calls.ended", "{call}", "Calls whose flow ended, by outcome.");

    /// <summary>Flows running now (started minus ended, per process that recorded them).</summary>
    public static readonly UpDownCounter<long> ActiveCalls = Meter.CreateUpDownCounter<long>("callflows.calls.active", "{call}", "Call flows running.");

    /// <summary>How long one call action's activity took (tags <c>callflows.action</c>, <c>callflows.action.result</c>).</summary>
    public static readonly Histogram<double> ActionDuration = Meter.CreateHistogram<double>("callflows.action.duration", "s", "Duration of a call action's Call Automation request, by action and result.");

    /// <summary>Time from an ACS callback event to the flow episode that consumed it (tag <c>callflows.event</c>).</summary>
    public static readonly Histogram<double> CallbackResumeLag = Meter.CreateHistogram<double>("callflows.callback.resume_lag", "s", "Time from an ACS callback event to the flow resuming with it.");

    /// <summary>Callback events received and raised into a flow (tag <c>callflows.event</c>).</summary>
    public static readonly Counter<long> CallbacksRaised = Meter.CreateCounter<long>("callflows.callbacks.raised", "{event}", "ACS callback events raised into their flow.");

    /// <summary>Incoming-call deliveries refused by admission control (tag <c>callflows.admission.limit</c>).</summary>
    public static readonly Counter<long> AdmissionRejections = Meter.CreateCounter<long>("callflows.admission.rejections", "{delivery}", "Incoming-call deliveries refused by admission control.");

    /// <summary>Starts a span in the call's trace.</summary>
    /// <param name="name">The span name.</param>
    /// <param name="kind">The span kind.</param>
    /// <param name="instanceId">The call's instance id.</param>
    /// <param name="rootSpanId">The call's root span id when known (see <see cref="CallTraceContext"/>): the span's parent.</param>
    /// <returns>The started span, or null when nobody listens.</returns>
    public static Activity? StartCallSpan(string name, ActivityKind kind, string? instanceId, string? rootSpanId = null)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // A parent context without a span id makes Activity adopt Activity.Current (the host's HTTP request span, in
        // another trace) as parent; the call's span must start the call's trace instead, so the ambient span becomes a
        // link. The change of Activity.Current stays inside the calling async method.
        var ambient = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(name, kind, CallTraceContext.ForCall(instanceId, rootSpanId),
            links: ambient is null ? null : [new ActivityLink(ambient.Context)]);
        if (activity is null)
        {
            Activity.Current = ambient;
            return null;
        }

        activity.SetTag(CallFlowsTags.InstanceId, instanceId);
        return activity;
    }

    /// <summary>Marks a span failed with a short description.</summary>
    /// <param name="activity">The span.</param>
    /// <param name="description">What failed.</param>
    public static void Fail(this Activity? activity, string description) => activity?.SetStatus(ActivityStatusCode.Error, description);
}
