using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;

namespace CallFlows.Functions.Actions;

/// <summary>Input of <see cref="CallActionNames.RejectCall"/>.</summary>
/// <param name="Identity">Repeatability pair.</param>
/// <param name="IncomingCallContext">The opaque context of the IncomingCall event.</param>
/// <param name="Reason">Why the call is rejected.</param>
public sealed record RejectCallInput(CallActionIdentity Identity, string IncomingCallContext, CallRejectReason Reason);
