using System.Globalization;
using CallFlows.LocalHost.Cli;

namespace CallFlows.LocalHost.App;

/// <summary>
/// The <c>start</c> verb: the ACS emulator and the CallFlows app, wired together, until Ctrl+C / SIGTERM. Prints the
/// URLs, the connection string and how to place a call. With <c>--emulator URL</c> the app uses an emulator running
/// elsewhere (for example one started by a test) instead of its own.
/// </summary>
public sealed partial class StartCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "start";

    /// <inheritdoc/>
    public string Description => "Run the ACS emulator and the CallFlows app wired together (demo routing), until Ctrl+C.";

    /// <inheritdoc/>
    public string Usage =>
        "[--port 7071] [--emulator-port 5050 | --emulator URL] [--public-url URL] [--taskhub NAME] [--storage CONNECTION_STRING] [--worker-id ID] " +
        "[--in-memory] [--engine-defaults] [--log-level Information] [--trace-console]";

    /// <inheritdoc/>
    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string? external = arguments.GetString("emulator");
        var options = new CallFlowsLocalAppOptions
        {
            HttpPort = arguments.GetInt32("port", 7071),
            TaskHubName = arguments.GetString("taskhub"),
            StorageConnectionString = arguments.GetString("storage"),
            WorkerId = arguments.GetString("worker-id"),
            Engine = arguments.HasFlag("in-memory") ? EngineKind.InMemory : EngineKind.AzureStorage,
            EngineSettings = arguments.HasFlag("engine-defaults") ? EngineSettingsSource.EngineDefaults : EngineSettingsSource.HostJson,
            MinimumLogLevel = LogLevel.Information,
            TraceConsole = arguments.HasFlag("trace-console"),
        };
        options.Emulator.Port = arguments.GetInt32("emulator-port", 5050);
        if (arguments.GetString("public-url") is { } publicUrl)
        {
            // Several hosts on one task hub behind one balancer: callbacks and the Event Grid webhook use its address.
            options.PublicBaseAddress = Uri.TryCreate(publicUrl.EndsWith('/') ? publicUrl : publicUrl + "/", UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new CliUsageException($"--public-url must be an absolute http(s) URL, not '{publicUrl}'.");
        }

        if (external is not null)
        {
            options.ExternalEmulator = Uri.TryCreate(external, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new CliUsageException($"--emulator must be an absolute http(s) URL, not '{external}'.");
        }

        if (options.StorageConnectionString is null && Azurite.AzuriteServer.FindRepositoryRoot() is { } root)
        {
            options.Azurite.Location = Path.Combine(root, ".azurite");
        }

        string? level = arguments.GetString("log-level");
        if (level is not null)
        {
            options.MinimumLogLevel = Enum.TryParse(level, ignoreCase: true, out LogLevel parsed)
                ? parsed
                : throw new CliUsageException($"--log-level must be one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
        }

        arguments.ThrowIfUnknownOptions();

        CallFlowsLocalApp started;
        try
        {
            started = await CallFlowsLocalApp.StartAsync(options, cancellationToken);
        }
        catch (Exception ex) when (PortInUse(ex) is { } port)
        {
            // A second `start` on the same machine: one clear line and exit code 2 instead of a bind stack trace.
            throw new CliUsageException(port == options.Emulator.Port && external is null
                ? $"Port {port} (the emulator's) is already in use, perhaps by another 'start'. Pass --emulator-port <port> to use another one."
                : $"Port {port} (the app's) is already in use, perhaps by another 'start'. Pass --port <port> to use another one.");
        }

        await using CallFlowsLocalApp app = started;
        PrintBanner(app);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C / SIGTERM: stop gracefully (releases partition leases).
        }

        return 0;
    }

    /// <summary>The port of a failed bind anywhere in <paramref name="exception"/>'s chain, or <see langword="null"/>.</summary>
    internal static int? PortInUse(Exception exception)
    {
        bool inUse = false;
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            // Kestrel wraps AddressInUseException (Microsoft.AspNetCore.Connections) in an IOException; sockets say it directly.
            inUse |= e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
                || e.GetType().Name == "AddressInUseException";
        }

        for (Exception? e = exception; inUse && e is not null; e = e.InnerException)
        {
            // "Failed to bind to address http://127.0.0.1:5050: address already in use."
            System.Text.RegularExpressions.Match match = BoundAddress().Match(e.Message);
            if (match.Success)
            {
                return int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s/]+:(?<port>\d+)")]
    private static partial System.Text.RegularExpressions.Regex BoundAddress();

    static void PrintBanner(CallFlowsLocalApp app)
    {
        string e = app.EmulatorEndpoint.AbsoluteUri.TrimEnd('/');
        string a = app.BaseAddress.AbsoluteUri.TrimEnd('/');
        var lines = new string?[]
        {
            "CallFlows is running.",
            $"  app                 {a}   (task hub '{app.Host.TaskHubName}', worker {app.Host.WorkerId})",
            app.PublicBaseAddress == app.BaseAddress ? null : $"  public address      {app.PublicBaseAddress.AbsoluteUri.TrimEnd('/')}   (callbacks and the webhook go there)",
            $"  incoming-call hook  {app.IncomingCallWebhook} (registered with the emulator's Event Grid)",
            $"  ACS emulator        {e}" + (app.Emulator is null ? " (external)" : string.Empty),
            $"  connection string   {app.EmulatorConnectionString}",
            $"  resource id         {app.ResourceId}   (callback JWT audience)",
            $"  OpenID config       {app.OpenIdConfigurationUri}",
            $"  routing             {app.RoutingDescription}",
            string.Empty,
            "Place a call (the agent answers; the caller hangs up after 5 s):",
            $"  curl -s -X POST {e}/emulator/incoming-calls -H 'Content-Type: application/json' -d '{{\"from\":\"{DemoWorld.DemoCallerNumber}\",\"to\":\"{DemoWorld.AgentAnswersNumber}\"}}'",
            $"  or: dotnet run --project CallFlows.Emulator -- call --emulator {e} --from {DemoWorld.DemoCallerNumber} --to {DemoWorld.AgentAnswersNumber}",
            "Other routed numbers: "
                + string.Join(", ", new[]
                {
                    $"{DemoWorld.AgentDeclinesNumber} (agent declines -> fallback transfer)",
                    $"{DemoWorld.AgentBusyNumber} (busy)",
                    $"{DemoWorld.AgentNoAnswerNumber} (no answer)",
                    $"{DemoWorld.RejectedNumber} (rejected)",
                    $"{DemoWorld.RedirectedNumber} (redirected)",
                }),
            "Start an outbound call:",
            $"  curl -s -X POST {a}/api/calls -H 'Content-Type: application/json' -d '{{\"flow\":\"OutboundCall\",\"targets\":[\"4:{DemoWorld.PstnCalleeNumber}\"],\"callerId\":\"4:{DemoWorld.AgentAnswersNumber}\"}}'",
            "Follow a call:",
            $"  curl -s {a}/api/calls/<instanceId>      (or {a}/runtime/webhooks/durabletask/instances/<instanceId>)",
            $"  curl -s {e}/emulator/calls   |   {e}/emulator/requests   |   {e}/emulator/events",
            "Ctrl+C to stop.",
        };
        foreach (string line in lines.OfType<string>())
        {
            Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }
}
