namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.EndAbandonedCall"/>: a call whose flow failed while it was connected.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call connection left without a flow.</param>
/// <param name="Flow">The flow that failed.</param>
/// <param name="InstanceId">The orchestration instance.</param>
/// <param name="Cause">The unhandled exception's type and message.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record EndAbandonedCallInput(CallActionIdentity Identity, string CallConnectionId, string Flow, string InstanceId, string Cause);
