namespace CallFlows.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests: one running app (<see cref="EndToEndFixture"/>) shared by the in-process tests (distinct caller
/// numbers), and the process tests (publish, restart). One collection, so they run one at a time: on 2 cores a parallel
/// publish starves the flows' timers and makes the suite slower, not faster.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "EndToEnd";
}
