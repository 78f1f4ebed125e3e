using CallFlows.Emulator;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.Tests.EndToEnd;

/// <summary>One in-memory Azurite and one running app (emulator + local host on a unique task hub) shared by a collection.</summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public CallFlowsLocalApp App { get; private set; } = null!;

    public AcsEmulator Emulator => this.App.Emulator!;

    public string ResourceId => this.App.ResourceId;

    public async Task InitializeAsync()
    {
        this.Azurite = await AzuriteServer.StartOrReuseAsync(new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true });
        this.App = await CallFlowsLocalApp.StartAsync(new CallFlowsLocalAppOptions
        {
            StorageConnectionString = this.Azurite.ConnectionString,
            TaskHubName = "e2e" + Guid.NewGuid().ToString("N")[..12],
            DeleteTaskHubOnStop = true,
        });
    }

    public async Task DisposeAsync()
    {
        await this.App.DisposeAsync();
        await this.Azurite.DisposeAsync();
    }
}
