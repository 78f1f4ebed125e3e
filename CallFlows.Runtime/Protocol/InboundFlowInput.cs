using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>The orchestration input of an inbound flow: the call, the rule that routed it and the rule's settings.</summary>
/// <typeparam name="TSettings">The flow's settings type (the webhook writes the bound settings object).</typeparam>
/// <param name="IncomingCall">The call from the Event Grid IncomingCall event.</param>
/// <param name="Route">The matching rule's <c>Called</c> pattern, or <c>unrouted</c>.</param>
/// <param name="Settings">The rule's settings.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record InboundFlowInput<TSettings>(IncomingCall IncomingCall, string Route, TSettings? Settings)
    where TSettings : class;
