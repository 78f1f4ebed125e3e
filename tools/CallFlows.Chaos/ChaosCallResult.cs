namespace CallFlows.Chaos;

/// <summary>How one call of a chaos run ended.</summary>
/// <param name="Index">Position in the run.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="InstanceId">The flow's instance id (null when it could not be placed).</param>
/// <param name="RuntimeStatus">The last runtime status seen (null: no orchestration).</param>
/// <param name="Flow">The flow that ran.</param>
/// <param name="Result">The flow's result.</param>
/// <param name="Verdict">The classification.</param>
/// <param name="Detail">Why, when not as expected.</param>
public sealed record ChaosCallResult(
    int Index,
    ChaosScenario Scenario,
    string? InstanceId,
    string? RuntimeStatus,
    string? Flow,
    string? Result,
    ChaosVerdict Verdict,
    string? Detail);
