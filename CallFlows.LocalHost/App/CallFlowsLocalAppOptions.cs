using CallFlows.Emulator;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.LocalHost.App;

/// <summary>Options of <see cref="CallFlowsLocalApp.StartAsync(CallFlowsLocalAppOptions?, CancellationToken)"/>.</summary>
public sealed class CallFlowsLocalAppOptions
{
    /// <summary>
    /// The Functions app to host (its assembly; its flows and the functions of its referenced libraries). Default
    /// <see langword="null"/>: <see cref="FunctionsAssemblyPath"/>, else the shipped <c>CallFlows.Functions</c> app.
    /// </summary>
    public System.Reflection.Assembly? FunctionsAssembly { get; set; }

    /// <summary>Path of the Functions app assembly to host when <see cref="FunctionsAssembly"/> is not set (e.g. a user's app). Default <see langword="null"/>.</summary>
    public string? FunctionsAssemblyPath { get; set; }

    /// <summary>
    /// An emulator already running elsewhere (its base address, e.g. <c>http://127.0.0.1:5050/</c>): its connection
    /// string, resource id and OpenID configuration are read from its control API (<c>GET /emulator</c>). Default
    /// <see langword="null"/>: an emulator is started in this process with <see cref="Emulator"/>.
    /// </summary>
    public Uri? ExternalEmulator { get; set; }

    /// <summary>Options of the in-process emulator (ignored with <see cref="ExternalEmulator"/>). Default: a fresh key and resource id, the demo's owned numbers added.</summary>
    public AcsEmulatorOptions Emulator { get; set; } = new();

    /// <summary>Configure the in-process emulator's world for the demo numbers (<see cref="DemoWorld.Configure"/>). Default <see langword="true"/>; never done to an external emulator.</summary>
    public bool ConfigureDemoWorld { get; set; } = true;

    /// <summary>HTTP port of the local host on 127.0.0.1. Default 0: a free port chosen before start (the callback base URL needs it).</summary>
    public int HttpPort { get; set; }

    /// <summary>
    /// The address ACS and Event Grid reach the app at when it is not the host's own: a load balancer or reverse proxy in
    /// front of several hosts on one task hub, or a tunnel. The callback base URL and the registered Event Grid webhook
    /// use it. Default <see langword="null"/>: the host's own address.
    /// </summary>
    public Uri? PublicBaseAddress { get; set; }

    /// <summary>Task hub name. Default <see langword="null"/>: host.json <c>hubName</c> (<c>CallFlows</c>). Tests use unique names.</summary>
    public string? TaskHubName { get; set; }

    /// <summary>Durable Task backend. Default <see cref="EngineKind.AzureStorage"/> (on Azurite unless <see cref="StorageConnectionString"/> names real storage).</summary>
    public EngineKind Engine { get; set; } = EngineKind.AzureStorage;

    /// <summary>Engine tuning source. Default <see cref="EngineSettingsSource.HostJson"/> (1 s maximum queue polling, extended sessions); <see cref="EngineSettingsSource.EngineDefaults"/> for the provider's defaults.</summary>
    public EngineSettingsSource EngineSettings { get; set; } = EngineSettingsSource.HostJson;

    /// <summary>Storage connection string. Default <see langword="null"/>: development storage on a managed Azurite (reused when already listening).</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Path of the <c>host.json</c> whose engine settings apply with <see cref="EngineSettingsSource.HostJson"/>. Default <see langword="null"/>: the Functions app's (see <see cref="LocalHostOptions.HostJsonPath"/>).</summary>
    public string? HostJsonPath { get; set; }

    /// <summary>Adjusts the options of each Azure Storage client of the engine (see <see cref="LocalHostOptions.ConfigureStorageClient"/>). Default <see langword="null"/>.</summary>
    public Action<Azure.Core.ClientOptions>? ConfigureStorageClient { get; set; }

    /// <summary>The managed Azurite's ports and persistence. Default: ports 10000-10002, data in a temporary folder.</summary>
    public AzuriteOptions Azurite { get; set; } = new();

    /// <summary>Worker id in the task hub. Default <see langword="null"/>: unique per process.</summary>
    public string? WorkerId { get; set; }

    /// <summary>Partition lease duration. Default 6 s (a restarted process takes over a killed one's partitions in ~5 s).</summary>
    public TimeSpan PartitionLeaseInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Delete the task hub on stop. Default <see langword="false"/>; tests set it.</summary>
    public bool DeleteTaskHubOnStop { get; set; }

    /// <summary>
    /// Routing rules replacing the configured ones. Default <see langword="null"/>: the rules of the configuration
    /// (<c>CallFlows:Routing:Rules</c>, e.g. environment variables), else <see cref="DemoWorld.RoutingRules"/>.
    /// </summary>
    public IList<RouteRule>? RoutingRules { get; set; }

    /// <summary>
    /// Route with <see cref="DemoWorld.RoutingRules"/> whatever the configuration says (a <c>local.settings.json</c> copied
    /// from the sample included), unless <see cref="RoutingRules"/> is set. Default <see langword="false"/>; the
    /// <c>demo</c> command sets it, since its ten scenarios only make sense with the demo numbers.
    /// </summary>
    public bool UseDemoRouting { get; set; }

    /// <summary>Register <c>{BaseAddress}api/incoming-call</c> as the emulator's Event Grid webhook (handshake performed; skipped when already registered). Default <see langword="true"/>.</summary>
    public bool RegisterEventGridWebhook { get; set; } = true;

    /// <summary>Extra configuration values overriding the wiring's (keys like <c>CallFlows:CallbackAuth:ValidateTokens</c>). Default empty.</summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>();

    /// <summary>Further services registered after <c>AddCallFlows</c> (e.g. a TimeProvider). Default <see langword="null"/>.</summary>
    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; set; }

    /// <summary>
    /// Prints every CallFlows span (call, action, REST request, callback, flow) to standard output with the OpenTelemetry
    /// console exporter. Default <see langword="false"/>. OTLP export is on whenever <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public bool TraceConsole { get; set; }

    /// <summary>Minimum log level of the host and the in-process emulator. Default <see cref="LogLevel.Warning"/>.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Timeout of the <see cref="CallFlowsLocalApp.Client"/> HTTP client. Default 30 s.</summary>
    public TimeSpan HttpClientTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
