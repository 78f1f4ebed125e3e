using System.Net;
using System.Net.Sockets;
using CallFlows.Emulator;
using CallFlows.LocalHost;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Flows;

/// <summary>
/// The Functions app as a user would wire it outside Azure: the local host runs CallFlows.Functions' own functions
/// (in-memory engine), <c>services.AddCallFlows(configuration)</c> plus configuration values only, against the ACS emulator.
/// </summary>
internal sealed class AppHarness : IAsyncDisposable
{
    public const string OwnedNumber = "+18005550100";

    private AppHarness(AcsEmulator emulator, LocalFunctionsHost host)
    {
        Emulator = emulator;
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public AcsEmulator Emulator { get; }

    public LocalFunctionsHost Host { get; }

    public HttpClient Http { get; }

    public string AgentRawId => $"8:acs:{Emulator.ResourceId}_agent";

    public Uri WebhookUri => new(Host.BaseAddress, "api/incoming-call");

    public static async Task<AppHarness> StartAsync(Action<IDictionary<string, string?>>? configure = null, bool registerWebhook = true, string? azureStorageConnectionString = null,
        ILoggerProvider? logs = null)
    {
        var emulator = await AcsEmulator.StartAsync(new AcsEmulatorOptions { ConnectDelay = TimeSpan.FromMilliseconds(20) });
        try
        {
            emulator.World.AddOwnedUser($"8:acs:{emulator.ResourceId}_agent");
            var port = FreePort();
            var options = new LocalHostOptions
            {
                FunctionsAssembly = typeof(CallFlows.Functions.Flows.InboundRoutingFlow).Assembly,
                // In-memory engine by default (fast); the Azure Storage engine over Azurite when a connection string is given,
                // tuned by the repository's host.json exactly like the deployed app.
                Engine = azureStorageConnectionString is null ? EngineKind.InMemory : EngineKind.AzureStorage,
                StorageConnectionString = azureStorageConnectionString
                    ?? "DefaultEndpointsProtocol=https;AccountName=unused;AccountKey=dW51c2Vk;EndpointSuffix=invalid",
                TaskHubName = "f" + Guid.NewGuid().ToString("N")[..16],
                DeleteTaskHubOnStop = true,
                HttpPort = port,
                MinimumLogLevel = LogLevel.Warning,
                ConfigureLogging = logs is null ? null : builder => builder.AddProvider(logs),
                ConfigureServices = (services, configuration) => services.AddCallFlows(configuration, typeof(CallFlows.Functions.Flows.InboundRoutingFlow).Assembly),
            };
            var settings = options.Configuration;
            settings["CallFlows:CallbackBaseUrl"] = $"http://127.0.0.1:{port}";
            settings["CallFlows:Acs:ConnectionString"] = emulator.ConnectionString;
            settings["CallFlows:Acs:ResourceId"] = emulator.ResourceId.ToString();
            settings["CallFlows:CallbackAuth:OpenIdConfigurationUrl"] = emulator.OpenIdConfigurationUri.AbsoluteUri;
            settings["CallFlows:Routing:Rules:0:Called"] = OwnedNumber;
            settings["CallFlows:Routing:Rules:0:Flow"] = "InboundRouting";
            settings["CallFlows:Routing:Rules:0:Settings:Agent"] = $"8:acs:{emulator.ResourceId}_agent";
            settings["CallFlows:Routing:Rules:0:Settings:AgentInvitationTimeout"] = "00:00:10";
            settings["CallFlows:Routing:Rules:0:Settings:AgentWaitTimeout"] = "00:00:20";
            configure?.Invoke(settings);
            foreach (var key in settings.Keys.ToList())
            {
                // Tests name the emulator's agent user before the emulator (and its resource id) exists.
                settings[key] = settings[key]?.Replace("8:acs:AGENT", $"8:acs:{emulator.ResourceId}_agent", StringComparison.Ordinal);
            }

            var host = await LocalFunctionsHost.StartAsync(options);
            var harness = new AppHarness(emulator, host);
            if (registerWebhook)
            {
                await emulator.RegisterEventGridWebhookAsync(harness.WebhookUri);
            }

            return harness;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
