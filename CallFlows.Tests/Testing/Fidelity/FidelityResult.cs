namespace CallFlows.Tests.Testing.Fidelity;

/// <summary>What the fidelity orchestrator observed, compared between the real engine and the driver.</summary>
public sealed record FidelityResult(DateTime StartedAt, Guid FirstGuid, IReadOnlyList<string> Echoes, string Flaky, string Failure, string Ping);
