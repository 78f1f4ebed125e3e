using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.RejectCall"/>.</summary>
/// <param name="Identity">Repeatability pair.</param>
/// <param name="IncomingCallContext">The opaque context of the IncomingCall event.</param>
/// <param name="Reason">Why the call is rejected.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RejectCallInput(CallActionIdentity Identity, string IncomingCallContext, CallRejectReason Reason);
