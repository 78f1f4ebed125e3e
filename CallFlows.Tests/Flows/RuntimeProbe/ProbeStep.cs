using CallFlows.Functions.Runtime;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>One step of a probe flow.</summary>
public sealed record ProbeStep(string Name, CallFlowActionStatus Status, int? ResultCode, string? EventType);
