namespace CallFlows.Tests.Testing.Fidelity;

/// <summary>An activity input that names its instance, so the activity can log per instance.</summary>
public sealed record FidelityInput(string InstanceId, string Value);
