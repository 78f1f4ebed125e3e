using CallFlows.LocalHost.Azurite;

namespace CallFlows.Tests.Engine;

/// <summary>One in-memory Azurite on free ports shared by all engine tests (each test uses its own task hub).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Server { get; private set; } = null!;

    public string ConnectionString => this.Server.ConnectionString;

    public async Task InitializeAsync() =>
        this.Server = await AzuriteServer.StartOrReuseAsync(new AzuriteOptions
        {
            BlobPort = 0,
            QueuePort = 0,
            TablePort = 0,
            InMemoryPersistence = true,
        });

    public async Task DisposeAsync() => await this.Server.DisposeAsync();
}
