namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>What the probe flows observed, step by step.</summary>
public sealed record ProbeResult(IReadOnlyList<ProbeStep> Steps, IReadOnlyList<string> Roster, int? RosterSequenceNumber);
