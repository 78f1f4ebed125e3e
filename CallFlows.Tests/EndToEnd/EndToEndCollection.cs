namespace CallFlows.Tests.EndToEnd;

/// <summary>The tests sharing one running app (<see cref="EndToEndFixture"/>); they use distinct caller numbers and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "EndToEnd";
}
