using CallFlows.CallAutomation;
using CallFlows.Functions.Configuration;
using CallFlows.Functions.Flows;

namespace CallFlows.Functions.Routing;

/// <summary>What routing decided for an incoming call: the flow to start and its input.</summary>
/// <param name="Action">Run a flow, reject or redirect.</param>
/// <param name="FlowName">The orchestrator to start (reject and redirect run their own small flows).</param>
/// <param name="Route">The matching rule's <c>Called</c> pattern, or <c>unrouted</c>.</param>
/// <param name="IsUnrouted">True when no rule matched (the call is rejected).</param>
/// <param name="Settings">The rule's flow settings.</param>
/// <param name="RejectReason">The reject reason.</param>
/// <param name="RedirectTarget">The redirect target raw id.</param>
public sealed record RouteDecision(
    RouteAction Action,
    string FlowName,
    string Route,
    bool IsUnrouted,
    InboundRouteSettings? Settings,
    CallRejectReason RejectReason,
    string? RedirectTarget)
{
    /// <summary>The route name used when no rule matched.</summary>
    public const string UnroutedRoute = "unrouted";

    /// <summary>Builds the orchestration input for a call.</summary>
    /// <param name="incomingCall">The call.</param>
    /// <returns>The input.</returns>
    public InboundCallInput ToInput(IncomingCall incomingCall) => new(incomingCall, Route, Settings, RejectReason, RedirectTarget);
}
