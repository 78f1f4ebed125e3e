using CallFlows.LocalHost.Azurite;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class AzuriteServerTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 1)]
    public async Task StartOrReuseAsync_NothingListening_StartsAndStopsOnDispose(bool processPerService, int processes)
    {
        var options = new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true, ProcessPerService = processPerService };

        AzuriteServer server = await AzuriteServer.StartOrReuseAsync(options);
        IReadOnlyList<int> pids = server.ProcessIds;
        try
        {
            server.IsOwned.Should().BeTrue();
            server.ProcessId.Should().NotBeNull();
            pids.Should().HaveCount(processes).And.OnlyHaveUniqueItems();
            AzuriteServer.IsListening(server.BlobPort).Should().BeTrue();
            AzuriteServer.IsListening(server.QueuePort).Should().BeTrue();
            AzuriteServer.IsListening(server.TablePort).Should().BeTrue();
        }
        finally
        {
            await server.DisposeAsync();
        }

        AzuriteServer.IsListening(server.BlobPort).Should().BeFalse();
        AzuriteServer.IsListening(server.QueuePort).Should().BeFalse();
        AzuriteServer.IsListening(server.TablePort).Should().BeFalse();
        pids.Should().OnlyContain(pid => !IsRunning(pid), "every Azurite process is stopped");
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task StartOrReuseAsync_AlreadyListening_ReusesAndLeavesItRunning()
    {
        var options = new AzuriteOptions
        {
            BlobPort = azurite.Server.BlobPort,
            QueuePort = azurite.Server.QueuePort,
            TablePort = azurite.Server.TablePort,
        };

        AzuriteServer reused = await AzuriteServer.StartOrReuseAsync(options);
        reused.IsOwned.Should().BeFalse();
        reused.ProcessId.Should().BeNull();
        reused.ProcessIds.Should().BeEmpty();
        reused.ConnectionString.Should().Be(azurite.ConnectionString);
        await reused.DisposeAsync();

        AzuriteServer.IsListening(azurite.Server.BlobPort).Should().BeTrue("a reused Azurite belongs to someone else");
    }

    [Fact]
    public async Task StartOrReuseAsync_OnlySomePortsTaken_ThrowsClearError()
    {
        var options = new AzuriteOptions
        {
            BlobPort = azurite.Server.BlobPort,
            QueuePort = AzuriteServer.GetFreePort(),
            TablePort = AzuriteServer.GetFreePort(),
        };

        Func<Task> act = () => AzuriteServer.StartOrReuseAsync(options);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Only some of the storage ports*");
    }

    [Fact]
    public void FindExecutable_FromTestOutputFolder_FindsRepositoryAzurite()
    {
        string? path = AzuriteServer.FindExecutable();

        path.Should().NotBeNull();
        File.Exists(path).Should().BeTrue();
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))
            .Should().Be(AzuriteServer.FindRepositoryRoot());
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=k;BlobEndpoint=http://127.0.0.1:20000/devstoreaccount1;", true)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=k;EndpointSuffix=core.windows.net", false)]
    public void IsDevelopmentStorage_ConnectionString_Recognized(string connectionString, bool expected) =>
        AzuriteServer.IsDevelopmentStorage(connectionString).Should().Be(expected);

    [Fact]
    public void GetPorts_ExplicitEndpoints_ReadsEachPort() =>
        AzuriteServer.GetPorts(AzuriteServer.BuildConnectionString(1, 2, 3)).Should().Be((1, 2, 3));
}
