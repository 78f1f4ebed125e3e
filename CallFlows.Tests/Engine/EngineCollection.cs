namespace CallFlows.Tests.Engine;

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Engine";
}
