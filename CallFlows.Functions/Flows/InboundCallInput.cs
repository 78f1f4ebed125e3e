using CallFlows.CallAutomation;
using CallFlows.Functions.Configuration;

namespace CallFlows.Functions.Flows;

/// <summary>The input of every inbound flow: the call and what its routing rule decided.</summary>
/// <param name="IncomingCall">The call from the Event Grid IncomingCall event.</param>
/// <param name="Route">Which rule matched (its <c>Called</c> pattern), or <c>unrouted</c>.</param>
/// <param name="Settings">The rule's flow settings (for <see cref="FlowNames.InboundRouting"/>).</param>
/// <param name="RejectReason">For <see cref="FlowNames.RejectCall"/>: the reason.</param>
/// <param name="RedirectTarget">For <see cref="FlowNames.RedirectCall"/>: the raw id to redirect to.</param>
public sealed record InboundCallInput(
    IncomingCall IncomingCall,
    string Route,
    InboundRouteSettings? Settings = null,
    CallRejectReason RejectReason = CallRejectReason.None,
    string? RedirectTarget = null);
