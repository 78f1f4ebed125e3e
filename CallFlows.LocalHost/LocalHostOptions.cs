using System.Reflection;
using CallFlows.LocalHost.Azurite;
using Microsoft.DurableTask;

namespace CallFlows.LocalHost;

/// <summary>Options of <see cref="LocalFunctionsHost.StartAsync(LocalHostOptions, CancellationToken)"/>.</summary>
public sealed class LocalHostOptions
{
    /// <summary>The assembly whose <c>[Function]</c> methods are hosted. Default <see langword="null"/>: <see cref="FunctionsAssemblyPath"/>, else the <c>CallFlows.Functions</c> assembly.</summary>
    public Assembly? FunctionsAssembly { get; set; }

    /// <summary>Path of the functions assembly to load when <see cref="FunctionsAssembly"/> is not set. Default <see langword="null"/>.</summary>
    public string? FunctionsAssemblyPath { get; set; }

    /// <summary>HTTP port on 127.0.0.1. Default 0: a free port chosen by the OS (read it from <see cref="LocalFunctionsHost.BaseAddress"/>).</summary>
    public int HttpPort { get; set; }

    /// <summary>
    /// Storage connection string of the task hub. Default <see langword="null"/>: development storage on a managed
    /// Azurite (see <see cref="Azurite"/>). A development-storage string also gets a managed Azurite when nothing
    /// listens on its ports; any other string is used as is.
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>
    /// Adjusts the options of each Azure Storage client the engine creates (blob, queue and table; the argument is a
    /// <c>BlobClientOptions</c>, <c>QueueClientOptions</c> or <c>TableClientOptions</c>) before the client is built,
    /// e.g. to add an <see cref="Azure.Core.Pipeline.HttpPipelinePolicy"/> that observes every storage request.
    /// Default <see langword="null"/>: the provider's default options.
    /// </summary>
    public Action<Azure.Core.ClientOptions>? ConfigureStorageClient { get; set; }

    /// <summary>Ports and persistence of the managed Azurite. Default: the standard ports 10000-10002, data in a temporary folder.</summary>
    public AzuriteOptions Azurite { get; set; } = new();

    /// <summary>Task hub name (3-45 letters and digits, starting with a letter). Default <see langword="null"/>: host.json <c>hubName</c>, else <c>CallFlows</c>. Tests use unique names.</summary>
    public string? TaskHubName { get; set; }

    /// <summary>Worker id of this process in the task hub. Default <see langword="null"/>: machine name, process id and a random suffix, unique per process.</summary>
    public string? WorkerId { get; set; }

    /// <summary>The Durable Task backend. Default <see cref="EngineKind.AzureStorage"/> (durable); <see cref="EngineKind.InMemory"/> ignores the storage and Azurite options.</summary>
    public EngineKind Engine { get; set; } = EngineKind.AzureStorage;

    /// <summary>Where the engine tuning comes from. Default <see cref="EngineSettingsSource.HostJson"/>.</summary>
    public EngineSettingsSource EngineSettings { get; set; } = EngineSettingsSource.HostJson;

    /// <summary>Path of the <c>host.json</c> to read. Default <see langword="null"/>: the one next to the functions assembly, else the repository root's, else none.</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>
    /// Partition lease duration with <see cref="EngineSettingsSource.HostJson"/> (renew and acquire every third of it).
    /// Default 6 seconds: a restarted process takes the partitions of a killed one over in about 5 s instead of ~30 s.
    /// </summary>
    public TimeSpan PartitionLeaseInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Delete the task hub (queues, tables, blobs) when the host stops. Default <see langword="false"/>; tests set it.</summary>
    public bool DeleteTaskHubOnStop { get; set; }

    /// <summary>Serializer of inputs, outputs and events. Default <see langword="null"/>: System.Text.Json with case-insensitive property names, like the Functions worker.</summary>
    public DataConverter? DataConverter { get; set; }

    /// <summary>Registers the app's services (e.g. the Functions app's <c>AddCallFlows</c>, the emulator). Default <see langword="null"/>.</summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; set; }

    /// <summary>Adds endpoints or middleware to the web application before it starts. Default <see langword="null"/>.</summary>
    public Action<WebApplication>? Configure { get; set; }

    /// <summary>Minimum log level. Default <see cref="LogLevel.Information"/> (the Azure Storage provider's own chatter is held at <see cref="LogLevel.Warning"/>).</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;

    /// <summary>Further logging configuration (providers, filters). Default <see langword="null"/>: console logging.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>
    /// Extra configuration values, applied over environment variables and the <c>Values</c> of a
    /// <c>local.settings.json</c> next to the functions assembly, in <c>CallFlows.Functions/</c> or at the repository
    /// root (read as Core Tools does). Default empty.
    /// </summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>();
}
