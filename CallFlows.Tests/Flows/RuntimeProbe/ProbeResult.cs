using CallFlows.Functions.Runtime;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>What the probe flows observed, step by step.</summary>
public sealed record ProbeResult(IReadOnlyList<ProbeStep> Steps, IReadOnlyList<string> Roster, int? RosterSequenceNumber);

/// <summary>One step of a probe flow.</summary>
public sealed record ProbeStep(string Name, CallFlowActionStatus Status, int? ResultCode, string? EventType);
