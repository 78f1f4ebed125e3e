using CallFlows.LocalHost.Hosting;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;

namespace CallFlows.LocalHost.Engine;

/// <summary>The orchestration service shared by the worker and the client of one host.</summary>
internal sealed class LocalEngine : IDisposable
{
    readonly IOrchestrationService service;

    LocalEngine(IOrchestrationService service, string taskHubName, string workerId, string settingsSource, AzureStorageOrchestrationServiceSettings? settings)
    {
        this.service = service;
        this.TaskHubName = taskHubName;
        this.WorkerId = workerId;
        this.SettingsSource = settingsSource;
        this.Settings = settings;
    }

    public IOrchestrationService Service => this.service;

    public IOrchestrationServiceClient Client => (IOrchestrationServiceClient)this.service;

    /// <summary>Gets the Azure Storage provider settings, or <see langword="null"/> for the in-memory engine.</summary>
    public AzureStorageOrchestrationServiceSettings? Settings { get; }

    public string TaskHubName { get; }

    public string WorkerId { get; }

    public string SettingsSource { get; }

    public static LocalEngine CreateAzureStorage(
        string connectionString,
        string taskHubName,
        string workerId,
        EngineSettingsSource source,
        HostJsonSettings hostJson,
        TimeSpan leaseInterval,
        ILoggerFactory loggerFactory,
        Action<Azure.Core.ClientOptions>? configureClient = null)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = configureClient is null
                ? new StorageAccountClientProvider(connectionString)
                : ClientProvider(connectionString, configureClient),
            TaskHubName = taskHubName,
            WorkerId = workerId,
            LoggerFactory = new LateEventLogFilter(loggerFactory),
        };

        string description = "engine defaults";
        if (source == EngineSettingsSource.HostJson)
        {
            Apply(settings, hostJson, leaseInterval);
            description = "host.json";
        }

        return new LocalEngine(new AzureStorageOrchestrationService(settings), taskHubName, workerId, description, settings);
    }

    /// <summary>The provider's own per-service client factories (as its connection-string constructor builds them), each with adjusted options.</summary>
    static StorageAccountClientProvider ClientProvider(string connectionString, Action<Azure.Core.ClientOptions> configure)
    {
        var blob = new Azure.Storage.Blobs.BlobClientOptions();
        var queue = new Azure.Storage.Queues.QueueClientOptions();
        var table = new Azure.Data.Tables.TableClientOptions();
        configure(blob);
        configure(queue);
        configure(table);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blob),
            StorageServiceClientProvider.ForQueue(connectionString, queue),
            StorageServiceClientProvider.ForTable(connectionString, table));
    }

    public static LocalEngine CreateInMemory(string taskHubName, string workerId, ILoggerFactory loggerFactory) =>
        new(new InMemoryOrchestrationService(loggerFactory), taskHubName, workerId, "in-memory engine (not durable)", settings: null);

    /// <summary>Maps host.json <c>extensions.durableTask</c> onto the provider settings the way the Functions host's Azure Storage provider factory does.</summary>
    internal static void Apply(AzureStorageOrchestrationServiceSettings settings, HostJsonSettings hostJson, TimeSpan leaseInterval)
    {
        if (hostJson.MaxQueuePollingInterval is { } poll)
        {
            settings.MaxQueuePollingInterval = poll;
        }

        if (hostJson.PartitionCount is { } partitions)
        {
            settings.PartitionCount = partitions;
        }

        if (hostJson.ControlQueueBatchSize is { } batch)
        {
            settings.ControlQueueBatchSize = batch;
        }

        if (hostJson.ControlQueueBufferThreshold is { } buffer)
        {
            settings.ControlQueueBufferThreshold = buffer;
        }

        if (hostJson.ControlQueueVisibilityTimeout is { } controlVisibility)
        {
            settings.ControlQueueVisibilityTimeout = controlVisibility;
        }

        if (hostJson.WorkItemQueueVisibilityTimeout is { } workItemVisibility)
        {
            settings.WorkItemQueueVisibilityTimeout = workItemVisibility;
        }

        if (hostJson.UseTablePartitionManagement is { } tablePartitions)
        {
            settings.UseTablePartitionManagement = tablePartitions;
        }

        if (hostJson.MaxConcurrentActivityFunctions is { } activities)
        {
            settings.MaxConcurrentTaskActivityWorkItems = activities;
        }

        if (hostJson.MaxConcurrentOrchestratorFunctions is { } orchestrators)
        {
            settings.MaxConcurrentTaskOrchestrationWorkItems = orchestrators;
        }

        if (hostJson.ExtendedSessionsEnabled is { } sessions)
        {
            settings.ExtendedSessionsEnabled = sessions;
        }

        if (hostJson.ExtendedSessionIdleTimeoutInSeconds is { } idle)
        {
            settings.ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(idle);
        }

        if (leaseInterval > TimeSpan.Zero)
        {
            settings.LeaseInterval = leaseInterval;
            settings.LeaseRenewInterval = leaseInterval / 3;
            settings.LeaseAcquireInterval = leaseInterval / 3;
        }
    }

    public Task CreateIfNotExistsAsync() => this.service.CreateIfNotExistsAsync();

    public Task DeleteAsync() => this.service.DeleteAsync();

    public void Dispose() => (this.service as IDisposable)?.Dispose();
}
