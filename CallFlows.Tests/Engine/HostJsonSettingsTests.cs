using CallFlows.LocalHost;
using CallFlows.LocalHost.Azurite;
using CallFlows.LocalHost.Engine;
using CallFlows.LocalHost.Hosting;
using DurableTask.AzureStorage;

namespace CallFlows.Tests.Engine;

public sealed class HostJsonSettingsTests
{
    const string FullHostJson = """
        {
          // comments are allowed, as in the Functions host
          "version": "2.0",
          "extensions": {
            "http": { "routePrefix": "" },
            "durableTask": {
              "hubName": "MyHub",
              "maxConcurrentActivityFunctions": 7,
              "maxConcurrentOrchestratorFunctions": 9,
              "extendedSessionsEnabled": true,
              "extendedSessionIdleTimeoutInSeconds": 12,
              "storageProvider": {
                "maxQueuePollingInterval": "00:00:00.250",
                "partitionCount": 2,
                "controlQueueBatchSize": 16,
                "controlQueueBufferThreshold": 64,
                "controlQueueVisibilityTimeout": "00:02:00",
                "workItemQueueVisibilityTimeout": "00:03:00",
              }
            }
          }
        }
        """;

    [Fact]
    public void Parse_FullDurableTaskSection_ReadsEveryValue()
    {
        HostJsonSettings s = HostJsonSettings.Parse(FullHostJson);

        s.HubName.Should().Be("MyHub");
        s.HttpRoutePrefix.Should().BeEmpty();
        s.MaxConcurrentActivityFunctions.Should().Be(7);
        s.MaxConcurrentOrchestratorFunctions.Should().Be(9);
        s.ExtendedSessionsEnabled.Should().BeTrue();
        s.ExtendedSessionIdleTimeoutInSeconds.Should().Be(12);
        s.MaxQueuePollingInterval.Should().Be(TimeSpan.FromMilliseconds(250));
        s.PartitionCount.Should().Be(2);
        s.ControlQueueBatchSize.Should().Be(16);
        s.ControlQueueBufferThreshold.Should().Be(64);
        s.ControlQueueVisibilityTimeout.Should().Be(TimeSpan.FromMinutes(2));
        s.WorkItemQueueVisibilityTimeout.Should().Be(TimeSpan.FromMinutes(3));
    }

    [Fact]
    public void Apply_HostJsonValues_MapOntoAzureStorageSettings()
    {
        var settings = new AzureStorageOrchestrationServiceSettings();

        LocalEngine.Apply(settings, HostJsonSettings.Parse(FullHostJson), TimeSpan.FromSeconds(6));

        settings.MaxQueuePollingInterval.Should().Be(TimeSpan.FromMilliseconds(250));
        settings.PartitionCount.Should().Be(2);
        settings.ControlQueueBatchSize.Should().Be(16);
        settings.ControlQueueBufferThreshold.Should().Be(64);
        settings.MaxConcurrentTaskActivityWorkItems.Should().Be(7);
        settings.MaxConcurrentTaskOrchestrationWorkItems.Should().Be(9);
        settings.ExtendedSessionsEnabled.Should().BeTrue();
        settings.ExtendedSessionIdleTimeout.Should().Be(TimeSpan.FromSeconds(12));
        settings.ControlQueueVisibilityTimeout.Should().Be(TimeSpan.FromMinutes(2));
        settings.WorkItemQueueVisibilityTimeout.Should().Be(TimeSpan.FromMinutes(3));
        settings.LeaseInterval.Should().Be(TimeSpan.FromSeconds(6));
        settings.LeaseRenewInterval.Should().Be(TimeSpan.FromSeconds(2));
        settings.LeaseAcquireInterval.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void CreateAzureStorage_EngineDefaults_IgnoresHostJson()
    {
        var defaults = new AzureStorageOrchestrationServiceSettings();
        using var engine = LocalEngine.CreateAzureStorage(
            AzuriteServer.BuildConnectionString(1, 2, 3), "Hub1", "w1", EngineSettingsSource.EngineDefaults,
            HostJsonSettings.Parse(FullHostJson), TimeSpan.FromSeconds(6), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        engine.Settings!.MaxQueuePollingInterval.Should().Be(defaults.MaxQueuePollingInterval);
        engine.Settings!.LeaseInterval.Should().Be(defaults.LeaseInterval);
        engine.Settings!.PartitionCount.Should().Be(defaults.PartitionCount);
        engine.Settings!.TaskHubName.Should().Be("Hub1");
        engine.Settings!.WorkerId.Should().Be("w1");
    }

    [Fact]
    public void Load_RepositoryHostJson_ShortVisibilityTimeoutsAndTablePartitions()
    {
        string root = AzuriteServer.FindRepositoryRoot()!;

        HostJsonSettings s = HostJsonSettings.Load(Path.Combine(root, "host.json"));

        // The settings the chaos run and the benchmark justify (docs/RESILIENCE.md, docs/PERFORMANCE.md).
        s.HubName.Should().NotBeNullOrEmpty();
        s.ControlQueueVisibilityTimeout.Should().Be(TimeSpan.FromSeconds(15));
        s.WorkItemQueueVisibilityTimeout.Should().Be(TimeSpan.FromSeconds(15));
        s.UseTablePartitionManagement.Should().BeTrue();
    }

    [Fact]
    public void Parse_WrongValueType_ThrowsInvalidData()
    {
        Action act = () => HostJsonSettings.Parse("""{ "extensions": { "durableTask": { "storageProvider": { "maxQueuePollingInterval": "soon" } } } }""");

        act.Should().Throw<InvalidDataException>();
    }
}
