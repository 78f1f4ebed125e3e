namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>One request an edge activity received.</summary>
internal sealed record ProbeRequest(string Action, string OperationContext, Guid RepeatabilityRequestId, string? Target);
