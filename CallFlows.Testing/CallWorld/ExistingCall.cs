using CallFlows.Runtime.Protocol;

namespace CallFlows.Testing.CallWorld;

/// <summary>A call that exists before the flow joins it (a room, a group call, another server call).</summary>
internal sealed record ExistingCall(CallLocatorKind Kind, string Id, IReadOnlyList<TestPhone> Participants);
