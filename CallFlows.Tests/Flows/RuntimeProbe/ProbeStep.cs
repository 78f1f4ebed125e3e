
namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>One step of a probe flow.</summary>
public sealed record ProbeStep(string Name, string Status, int? ResultCode, string? EventType);
