using System.Net;
using System.Net.Sockets;
using CallFlows.Benchmarks.Raw;
using CallFlows.Benchmarks.Storage;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost;
using CallFlows.LocalHost.App;

namespace CallFlows.Benchmarks.Harness;

/// <summary>
/// One app under test: the CallFlows app on the local host (<see cref="CallFlowsLocalApp"/>, its emulator in process)
/// with the given engine settings, plus the raw flow registered in the SAME host and engine, reached through a second
/// emulator (each emulator has one Event Grid subscription, so every incoming call goes to exactly one of the flows).
/// </summary>
internal sealed class BenchStack : IAsyncDisposable
{
    static int counter;

    BenchStack(CallFlowsLocalApp app, AcsEmulator rawEmulator, EngineSettingsSource settings, StorageRequestCounter storage)
    {
        this.App = app;
        this.RawEmulator = rawEmulator;
        this.Settings = settings;
        this.Storage = storage;
    }

    /// <summary>Counts the engine's storage requests (both flows share the engine).</summary>
    public StorageRequestCounter Storage { get; }

    public CallFlowsLocalApp App { get; }

    public AcsEmulator Emulator => this.App.Emulator!;

    public AcsEmulator RawEmulator { get; }

    public EngineSettingsSource Settings { get; }

    /// <summary>The number both emulators own; CallFlows routes it to <c>InboundRouting</c> with the demo agent.</summary>
    public const string CalledNumber = DemoWorld.AgentAnswersNumber;

    public AcsEmulator EmulatorFor(FlowKind kind) => kind == FlowKind.CallFlows ? this.Emulator : this.RawEmulator;

    public string AgentFor(FlowKind kind) => DemoWorld.Agent(this.EmulatorFor(kind).ResourceId.ToString());

    public void SetAgent(IdentityBehavior behavior)
    {
        foreach (FlowKind kind in Enum.GetValues<FlowKind>())
        {
            this.EmulatorFor(kind).World.Configure(this.AgentFor(kind), behavior);
        }
    }

    public static async Task<BenchStack> StartAsync(EngineSettingsSource settings, string storageConnectionString, string? hostJsonPath, CancellationToken cancellationToken)
    {
        AcsEmulator rawEmulator = await AcsEmulator.StartAsync(new AcsEmulatorOptions(), cancellationToken);
        try
        {
            int port = FreePort();
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            string rawAgent = DemoWorld.Agent(rawEmulator.ResourceId.ToString());
            CallFlowsLocalAppOptions options = AppOptions(settings, storageConnectionString, port, $"Bench{Interlocked.Increment(ref counter)}");
            var storage = new StorageRequestCounter();
            options.HostJsonPath = hostJsonPath;
            options.ConfigureStorageClient = storage.Attach;
            options.ConfigureServices = (services, _) => RawFlowRegistration.AddRawFlow(
                services, rawEmulator.OpenIdConfigurationUri, rawEmulator.ConnectionString, rawEmulator.ResourceId.ToString(), rawAgent, baseUrl);
            CallFlowsLocalApp app = await CallFlowsLocalApp.StartAsync(options, cancellationToken);
            await rawEmulator.RegisterEventGridWebhookAsync(new Uri(baseUrl, "raw/incoming-call"), "raw-flow", cancellationToken);
            return new BenchStack(app, rawEmulator, settings, storage);
        }
        catch
        {
            await rawEmulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The app's options for one engine-settings column (used in process and by the memory run's host process).</summary>
    public static CallFlowsLocalAppOptions AppOptions(EngineSettingsSource settings, string storageConnectionString, int port, string taskHubPrefix) => new()
    {
        HttpPort = port,
        TaskHubName = $"{taskHubPrefix}{(settings == EngineSettingsSource.HostJson ? "Tuned" : "Defaults")}{Environment.ProcessId}",
        EngineSettings = settings,
        StorageConnectionString = storageConnectionString,

        // The provider's partition lease defaults, as the Functions host uses them with this host.json (which sets
        // none): the local host's 6 s lease, meant for quick fail-over in tests, lost its partitions on this starved
        // machine ("read and write the partition table exceeded the 2-second timeout") and stalled the engine.
        PartitionLeaseInterval = TimeSpan.Zero,

        // Each host has its own task hub on the run's in-memory Azurite, which goes away with the run: deleting the
        // hub on stop would only add seconds to every section.
        DeleteTaskHubOnStop = false,
        MinimumLogLevel = LogLevel.Error,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await this.App.DisposeAsync();
        }
        finally
        {
            await this.RawEmulator.DisposeAsync();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
