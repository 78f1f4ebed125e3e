using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Routing;

/// <summary>What routing decided for an incoming call: the flow to start and its settings.</summary>
/// <param name="Action">Run a flow, reject or redirect.</param>
/// <param name="FlowName">The orchestrator to start (reject and redirect run the built-in flows).</param>
/// <param name="Route">The matching rule's <c>Called</c> pattern, or <c>unrouted</c>.</param>
/// <param name="IsUnrouted">True when no rule matched (the call is rejected).</param>
/// <param name="Settings">The flow's bound settings.</param>
/// <param name="RejectReason">The reject reason (for logs).</param>
/// <param name="AnswerOnArrival">Whether the webhook answers the call itself (<see cref="CallFlowAttribute.AnswerOnArrival"/>).</param>
internal sealed record RouteDecision(RouteAction Action, string FlowName, string Route, bool IsUnrouted, object Settings, CallRejectReason RejectReason, bool AnswerOnArrival = false)
{
    /// <summary>The route name used when no rule matched.</summary>
    public const string UnroutedRoute = "unrouted";

    /// <summary>Builds the orchestration input for a call.</summary>
    /// <param name="incomingCall">The call.</param>
    /// <param name="answeredOnArrivalAt">When the webhook answers the call (the answer's <c>Repeatability-First-Sent</c>), if it does.</param>
    /// <param name="rootSpanId">The webhook span's id, the root of the call's trace, if traced.</param>
    /// <returns>The input (the settings are written with their runtime type).</returns>
    public InboundFlowInput<object> ToInput(IncomingCall incomingCall, DateTimeOffset? answeredOnArrivalAt = null, string? rootSpanId = null) =>
        new(incomingCall, Route, Settings, answeredOnArrivalAt, rootSpanId) { HistoryVersion = InboundFlowInput<object>.CurrentHistoryVersion };
}
