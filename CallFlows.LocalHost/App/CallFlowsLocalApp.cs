using System.Reflection;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CallFlows.CallAutomation;
using CallFlows.Emulator;
using CallFlows.Emulator.EventGrid;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CallFlows.LocalHost.App;

/// <summary>
/// The CallFlows Functions app running locally end to end: the ACS emulator (in this process, or an external one),
/// and the local Functions host with <c>AddCallFlows</c> wired to it — the emulator's connection string, resource id
/// (callback JWT audience) and OpenID configuration (callback JWTs validated against the emulator's keys), the host's
/// own address as the callback base URL, routing rules for the demo numbers, and the host's
/// <c>/api/incoming-call</c> registered as the emulator's Event Grid webhook (validation handshake performed).
/// </summary>
/// <example>
/// <code>
/// await using var app = await CallFlowsLocalApp.StartAsync(new CallFlowsLocalAppOptions { TaskHubName = "Tests1", DeleteTaskHubOnStop = true });
/// var call = await app.Emulator!.PlaceIncomingCallAsync("+15550001111", DemoWorld.AgentAnswersNumber);
/// var status = await app.Client.GetFromJsonAsync&lt;JsonElement&gt;($"api/calls/{CallFlowsLocalApp.InstanceIdFor(call)}");
/// </code>
/// </example>
public sealed class CallFlowsLocalApp : IAsyncDisposable
{
    readonly bool ownsEmulator;
    int disposed;

    CallFlowsLocalApp(AcsEmulator? emulator, bool ownsEmulator, LocalFunctionsHost host, EmulatorConnection connection, TimeSpan httpTimeout)
    {
        this.Emulator = emulator;
        this.ownsEmulator = ownsEmulator;
        this.Host = host;
        this.EmulatorEndpoint = connection.Endpoint;
        this.EmulatorConnectionString = connection.ConnectionString;
        this.ResourceId = connection.ResourceId;
        this.OpenIdConfigurationUri = connection.OpenIdConfigurationUri;
        this.Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = httpTimeout };
    }

    /// <summary>Gets which routing rules the app uses and where they came from, e.g. "6 rule(s) from the demo numbers".</summary>
    public string RoutingDescription { get; private init; } = string.Empty;

    /// <summary>Gets the in-process emulator, or <see langword="null"/> when the app points at an external one.</summary>
    public AcsEmulator? Emulator { get; }

    /// <summary>Gets the local Functions host running the app.</summary>
    public LocalFunctionsHost Host { get; }

    /// <summary>Gets the app's base address (e.g. <c>http://127.0.0.1:7071/</c>).</summary>
    public Uri BaseAddress => this.Host.BaseAddress;

    /// <summary>Gets an HTTP client whose base address is <see cref="BaseAddress"/> (owned by the app; do not dispose).</summary>
    public HttpClient Client { get; }

    /// <summary>Gets the Durable Task client of the app's task hub.</summary>
    public DurableTaskClient DurableClient => this.Host.Client;

    /// <summary>Gets the emulator's base address.</summary>
    public Uri EmulatorEndpoint { get; }

    /// <summary>Gets the emulator's connection string (what the app uses).</summary>
    public string EmulatorConnectionString { get; }

    /// <summary>Gets the emulated ACS resource id (the callback JWT audience).</summary>
    public string ResourceId { get; }

    /// <summary>Gets the emulator's OpenID configuration URL (where the app finds the callback signing keys).</summary>
    public Uri OpenIdConfigurationUri { get; }

    /// <summary>Gets the address ACS and Event Grid reach the app at: <see cref="CallFlowsLocalAppOptions.PublicBaseAddress"/>, else <see cref="BaseAddress"/>.</summary>
    public Uri PublicBaseAddress { get; private init; } = null!;

    /// <summary>Gets the Event Grid webhook of the app (<c>{PublicBaseAddress}api/incoming-call</c>).</summary>
    public Uri IncomingCallWebhook => new(this.PublicBaseAddress, "api/incoming-call");

    /// <summary>Starts the emulator (unless external) and the app, and registers the webhook.</summary>
    /// <param name="options">What to start; <see langword="null"/> for the defaults (in-process emulator, Azurite, demo routing).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running app; dispose it to stop the host and the in-process emulator.</returns>
    /// <exception cref="InvalidOperationException">The external emulator is unreachable, the webhook handshake failed, or the host could not start.</exception>
    public static async Task<CallFlowsLocalApp> StartAsync(CallFlowsLocalAppOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CallFlowsLocalAppOptions();
        AcsEmulator? emulator = null;
        LocalFunctionsHost? host = null;
        Uri? appBaseAddress = null;
        try
        {
            EmulatorConnection connection;
            if (options.ExternalEmulator is { } external)
            {
                connection = await EmulatorConnection.ReadAsync(external, cancellationToken);
            }
            else
            {
                AcsEmulatorOptions emulatorOptions = options.Emulator;
                foreach (string number in DemoWorld.OwnedNumbers.Where(n => !emulatorOptions.OwnedPhoneNumbers.Contains(n)))
                {
                    emulatorOptions.OwnedPhoneNumbers.Add(number);
                }

                emulatorOptions.LoggerFactory ??= CreateEmulatorLoggerFactory(options.MinimumLogLevel);

                // POST /emulator/incoming-calls answers with where to follow the call: the instance id this app gives
                // it and its status URLs (the app's port is known only once the host starts, hence the late binding).
                emulatorOptions.IncomingCallLinks ??= call => appBaseAddress is { } app ? CallLinks(app, call) : new Dictionary<string, string>();
                emulator = await AcsEmulator.StartAsync(emulatorOptions, cancellationToken);
                if (options.ConfigureDemoWorld)
                {
                    DemoWorld.Configure(emulator);
                }

                connection = new EmulatorConnection(
                    emulator.Endpoint, emulator.ConnectionString, emulator.ResourceId.ToString(), emulator.OpenIdConfigurationUri, emulator.Issuer);
            }

            int port = options.HttpPort != 0 ? options.HttpPort : FreeLoopbackPort();
            var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            appBaseAddress = baseUrl;
            IList<RouteRule>? explicitRules = options.RoutingRules;
            Assembly appAssembly = options.FunctionsAssembly
                ?? (options.FunctionsAssemblyPath is { } path ? Assembly.LoadFrom(Path.GetFullPath(path)) : typeof(CallFlows.Functions.Flows.InboundRoutingFlow).Assembly);
            // The demo numbers route to the shipped flows: only the shipped app has them.
            IList<RouteRule> demoRules = appAssembly == typeof(CallFlows.Functions.Flows.InboundRoutingFlow).Assembly ? DemoWorld.RoutingRules(connection.ResourceId) : [];
            string routingSource = "the demo numbers";

            var hostOptions = new LocalHostOptions
            {
                FunctionsAssembly = appAssembly,
                HttpPort = port,
                TaskHubName = options.TaskHubName,
                Engine = options.Engine,
                EngineSettings = options.EngineSettings,
                StorageConnectionString = options.StorageConnectionString,
                Azurite = options.Azurite,
                ConfigureStorageClient = options.ConfigureStorageClient,
                HostJsonPath = options.HostJsonPath,
                WorkerId = options.WorkerId,
                PartitionLeaseInterval = options.PartitionLeaseInterval,
                DeleteTaskHubOnStop = options.DeleteTaskHubOnStop,
                MinimumLogLevel = options.MinimumLogLevel,
                ConfigureServices = (services, configuration) =>
                {
                    services.AddCallFlows(configuration, appAssembly);
                    services.PostConfigure<CallFlowsOptions>(o => routingSource = ApplyRouting(o.Routing, explicitRules, demoRules, options.UseDemoRouting));
                    Telemetry.LocalTelemetry.Add(services, configuration, options.TraceConsole);
                    options.ConfigureServices?.Invoke(services, configuration);
                },
            };
            hostOptions.Configuration["CallFlows:CallbackBaseUrl"] = (options.PublicBaseAddress ?? baseUrl).AbsoluteUri.TrimEnd('/');
            hostOptions.Configuration["CallFlows:Acs:ConnectionString"] = connection.ConnectionString;
            hostOptions.Configuration["CallFlows:Acs:ResourceId"] = connection.ResourceId;
            hostOptions.Configuration["CallFlows:CallbackAuth:ValidateTokens"] = "true";
            hostOptions.Configuration["CallFlows:CallbackAuth:OpenIdConfigurationUrl"] = connection.OpenIdConfigurationUri.AbsoluteUri;
            hostOptions.Configuration["CallFlows:CallbackAuth:Issuer"] = connection.Issuer;
            // The stranded-call sweep's schedule is an app setting (%...% in its [TimerTrigger]); every minute by default.
            hostOptions.Configuration[CallFlows.Runtime.Triggers.StrandedCallSweepTrigger.ScheduleSetting] = CallFlows.Runtime.Triggers.StrandedCallSweepTrigger.DefaultSchedule;
            // The emulator only checks that calls carry one (text prompts and speech need it); options.Configuration may clear it.
            hostOptions.Configuration["CallFlows:Acs:CognitiveServicesEndpoint"] = "https://cognitive.emulator.local/";
            foreach ((string key, string? value) in options.Configuration)
            {
                hostOptions.Configuration[key] = value;
            }

            host = await LocalFunctionsHost.StartAsync(hostOptions, cancellationToken);

            // Resolving the options runs ApplyRouting, which records where the rules came from.
            int ruleCount = host.Services.GetRequiredService<IOptions<CallFlowsOptions>>().Value.Routing.Rules.Count;
            var app = new CallFlowsLocalApp(emulator, ownsEmulator: emulator is not null, host, connection, options.HttpClientTimeout)
            {
                PublicBaseAddress = options.PublicBaseAddress ?? host.BaseAddress,
                RoutingDescription = string.Create(CultureInfo.InvariantCulture, $"{ruleCount} rule(s) from {routingSource}"),
            };
            if (options.RegisterEventGridWebhook)
            {
                await app.RegisterWebhookAsync(cancellationToken);
            }

            return app;
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }

            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The orchestration instance id the app gives an incoming call (Event Grid redeliveries map to it too).</summary>
    /// <param name="serverCallId">The call's server call id (<c>IncomingCallSnapshot.ServerCallId</c> has it).</param>
    /// <param name="calleeRawId">The called party's raw id (e.g. <c>4:+18005550100</c>).</param>
    /// <returns>The instance id.</returns>
    public static string InstanceIdFor(string serverCallId, string calleeRawId) =>
        CallInstanceIds.ForIncomingCall(new IncomingCall
        {
            ServerCallId = serverCallId,
            To = CommunicationIdentifier.FromRawId(calleeRawId),
        });

    /// <summary>Stops the host, then the in-process emulator.</summary>
    /// <returns>A task that completes when both have stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) == 1)
        {
            return;
        }

        this.Client.Dispose();
        try
        {
            await this.Host.DisposeAsync();
        }
        finally
        {
            if (this.ownsEmulator && this.Emulator is not null)
            {
                await this.Emulator.DisposeAsync();
            }
        }
    }

    static Dictionary<string, string> CallLinks(Uri app, CallFlows.Emulator.Simulation.IncomingCallSnapshot call)
    {
        string instanceId = InstanceIdFor(call.ServerCallId, call.To);
        string escaped = Uri.EscapeDataString(instanceId);
        return new Dictionary<string, string>
        {
            ["instanceId"] = instanceId,
            ["callStatusGetUri"] = new Uri(app, "api/calls/" + escaped).AbsoluteUri,
            ["statusQueryGetUri"] = new Uri(app, "runtime/webhooks/durabletask/instances/" + escaped).AbsoluteUri,
        };
    }

    static string ApplyRouting(RoutingOptions routing, IList<RouteRule>? explicitRules, IList<RouteRule> demoRules, bool useDemoRouting)
    {
        // Explicit rules win; then the demo numbers when asked for; configured rules (environment, settings, a
        // local.settings.json) next; the demo numbers otherwise.
        (IList<RouteRule>? replacement, string source) = explicitRules is not null ? (explicitRules, "the app's options")
            : useDemoRouting ? (demoRules, "the demo numbers")
            : routing.Rules.Count > 0 ? (null, "the configuration (CallFlows:Routing in app settings, environment or local.settings.json)")
            : (demoRules, "the demo numbers (none configured)");
        if (replacement is not null)
        {
            routing.Rules.Clear();
            foreach (RouteRule rule in replacement)
            {
                routing.Rules.Add(rule);
            }
        }

        return source;
    }

    async Task RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        Uri webhook = this.IncomingCallWebhook;
        if (this.Emulator is not null)
        {
            if (!this.Emulator.EventGridSubscriptions.Any(s => s.Endpoint == webhook))
            {
                await this.Emulator.RegisterEventGridWebhookAsync(webhook, EventGridDeliverySchema.EventGrid,
                    ["Microsoft.Communication.IncomingCall", "Microsoft.Communication.RecordingFileStatusUpdated"], "callflows-local", cancellationToken);
            }

            return;
        }

        // External emulator: idempotent across restarts of this app on the same port (a second subscription would
        // deliver every IncomingCall twice).
        using var http = new HttpClient { BaseAddress = this.EmulatorEndpoint, Timeout = TimeSpan.FromSeconds(30) };
        JsonElement existing = await http.GetFromJsonAsync<JsonElement>("emulator/eventgrid/subscriptions", cancellationToken);
        if (existing.ValueKind == JsonValueKind.Array && existing.EnumerateArray().Any(s =>
            s.TryGetProperty("endpoint", out JsonElement e) && Uri.TryCreate(e.GetString(), UriKind.Absolute, out Uri? u) && u == webhook))
        {
            return;
        }

        using HttpResponseMessage response = await http.PostAsJsonAsync(
            "emulator/eventgrid/subscriptions", new { endpoint = webhook.AbsoluteUri, name = "callflows-local", eventTypes = new[] { "Microsoft.Communication.IncomingCall", "Microsoft.Communication.RecordingFileStatusUpdated" } }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"The emulator refused the Event Grid webhook {webhook} ({(int)response.StatusCode}): {body}");
        }
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static ILoggerFactory CreateEmulatorLoggerFactory(LogLevel level) => LoggerFactory.Create(l =>
    {
        l.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        l.SetMinimumLevel(level);
        l.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        l.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        // Its one error ("Hosting failed to start", e.g. the port is taken) carries the exception StartAsync rethrows to
        // the caller anyway; logged as well, it printed a bind stack trace before the CLI's one-line message.
        l.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    });

    sealed record EmulatorConnection(Uri Endpoint, string ConnectionString, string ResourceId, Uri OpenIdConfigurationUri, string Issuer)
    {
        public static async Task<EmulatorConnection> ReadAsync(Uri endpoint, CancellationToken cancellationToken)
        {
            using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
            JsonElement info;
            try
            {
                info = await http.GetFromJsonAsync<JsonElement>("emulator", cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new InvalidOperationException($"No ACS emulator answers at {endpoint} ({ex.Message}). Start one with: dotnet run --project CallFlows.Emulator -- serve", ex);
            }

            string Get(string name) => info.TryGetProperty(name, out JsonElement v) && v.ValueKind != JsonValueKind.Null
                ? v.ToString()
                : throw new InvalidOperationException($"The emulator at {endpoint} did not report '{name}' on GET /emulator.");

            return new EmulatorConnection(
                new Uri(Get("endpoint")), Get("connectionString"), Get("resourceId"), new Uri(Get("openIdConfigurationUri")), Get("issuer"));
        }
    }
}
