namespace CallFlows.LocalHost.App;

/// <summary>One sample call of the demo: how it is placed and how its flow must end.</summary>
/// <param name="Title">What the call shows.</param>
/// <param name="ExpectedFlow">The orchestrator that must handle it.</param>
/// <param name="ExpectedResult">The flow result it must end with (a value of the flow's result enum).</param>
/// <param name="PlaceAsync">Places the call and returns the flow's instance id.</param>
public sealed record DemoScenario(
    string Title,
    string ExpectedFlow,
    string ExpectedResult,
    Func<CallFlowsLocalApp, CancellationToken, Task<string>> PlaceAsync);
