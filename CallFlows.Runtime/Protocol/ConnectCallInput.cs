
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.ConnectCall"/>.</summary>
/// <param name="InstanceId">The orchestration instance (the callback URI is built from it).</param>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="LocatorKind">Which kind of call to join.</param>
/// <param name="LocatorId">The server call id, group call id or room id.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record ConnectCallInput(string InstanceId, CallActionIdentity Identity, CallLocatorKind LocatorKind, string LocatorId);
