using System.Globalization;
using System.Runtime.InteropServices;

namespace CallFlows.Emulator.Cli;

/// <summary>
/// The standalone command line: <c>serve</c> runs an emulator until Ctrl+C or SIGTERM; <c>call</c> places an incoming call on a running
/// emulator through its control API.
/// </summary>
internal static class EmulatorCli
{
    private const string Usage = """
        Usage:
          serve [--port 5050] [--host 127.0.0.1] [--webhook <url>]... [--cloudevents-webhook <url>]... [--access-key <base64>] [--resource-id <guid>]
                [--owned-number <+E164>]... [--ring-timeout <seconds>] [--fast-eventgrid-retries] [--accept-bearer] [--quiet]
          call --from <+E164|rawId> --to <+E164|rawId> [--display-name <name>] [--emulator http://127.0.0.1:5050]
        """;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, stop: null);

    /// <summary>Runs a verb; <paramref name="stop"/> ends <c>serve</c> (Ctrl+C and SIGTERM do too).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken? stop)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        try
        {
            var options = Parse(args.Skip(1).ToArray());
            return args[0] switch
            {
                "serve" => await ServeAsync(options, output, error, stop),
                "call" => await CallAsync(options, output, error),
                _ => await Fail(error, $"Unknown verb '{args[0]}'.{Environment.NewLine}{Usage}"),
            };
        }
        catch (ArgumentException ex)
        {
            return await Fail(error, ex.Message + Environment.NewLine + Usage);
        }
    }

    private static async Task<int> ServeAsync(ILookup<string, string> options, TextWriter output, TextWriter error, CancellationToken? externalStop)
    {
        var settings = new AcsEmulatorOptions
        {
            Port = int.Parse(Single(options, "port") ?? "5050", CultureInfo.InvariantCulture),
            Host = Single(options, "host") ?? "127.0.0.1",
        };
        if (Single(options, "access-key") is { } key)
        {
            settings.AccessKey = key;
        }
        else
        {
            // A stable default key lets a local app keep its connection string across emulator restarts.
            settings.AccessKey = Convert.ToBase64String("callflows-emulator-local-access-key!"u8.ToArray());
        }

        settings.ResourceId = Single(options, "resource-id") is { } id ? Guid.Parse(id) : new Guid("00000000-0000-4000-8000-00000000ac5e");
        if (Single(options, "ring-timeout") is { } ring)
        {
            settings.RingTimeout = TimeSpan.FromSeconds(double.Parse(ring, CultureInfo.InvariantCulture));
        }

        if (options.Contains("fast-eventgrid-retries"))
        {
            settings.EventGridRetry = DeliveryRetryPolicy.EventGridFast;
        }

        foreach (var number in options["owned-number"])
        {
            settings.OwnedPhoneNumbers.Add(number);
        }

        if (options.Contains("accept-bearer"))
        {
            settings.BearerTokenValidator = token => token.Length > 0;
        }

        foreach (var webhook in options["webhook"])
        {
            settings.EventGridWebhooks.Add(new Uri(webhook));
        }

        using var loggerFactory = LoggerFactory.Create(b =>
        {
            b.AddSimpleConsole(o => o.SingleLine = true);
            b.SetMinimumLevel(options.Contains("quiet") ? LogLevel.Warning : LogLevel.Information);
            b.AddFilter("Microsoft", LogLevel.Warning);

            // Its one error ("Hosting failed to start") carries the exception StartAsync rethrows, reported below.
            b.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        });
        settings.LoggerFactory = loggerFactory;

        AcsEmulator emulator;
        try
        {
            emulator = await AcsEmulator.StartAsync(settings);
        }
        catch (CallFlows.Emulator.EventGrid.EventGridValidationException ex)
        {
            return await Fail(error, ex.Message);
        }
        catch (IOException ex) when (IsAddressInUse(ex))
        {
            // One line instead of Kestrel's bind stack trace (a second `serve` on the same port, say).
            await error.WriteLineAsync($"Port {settings.Port} is already in use, perhaps by another emulator. Pass --port <port> to use another one.");
            return 2;
        }

        await using var running = emulator;
        try
        {
            foreach (var webhook in options["cloudevents-webhook"])
            {
                await emulator.RegisterEventGridWebhookAsync(new Uri(webhook), CallFlows.Emulator.EventGrid.EventGridDeliverySchema.CloudEvents);
            }
        }
        catch (CallFlows.Emulator.EventGrid.EventGridValidationException ex)
        {
            return await Fail(error, ex.Message);
        }
        await output.WriteLineAsync($"ACS Call Automation emulator listening on {emulator.Endpoint}");
        await output.WriteLineAsync($"Connection string: {emulator.ConnectionString}");
        await output.WriteLineAsync($"Resource id (callback JWT audience): {emulator.ResourceId}");
        await output.WriteLineAsync($"OpenID configuration: {emulator.OpenIdConfigurationUri}");
        await output.WriteLineAsync($"Owned numbers: {string.Join(", ", emulator.World.OwnedPhoneNumbers)}");
        await output.WriteLineAsync($"Event Grid webhooks: {(emulator.EventGridSubscriptions.Count == 0 ? "none (POST /emulator/eventgrid/subscriptions)" : string.Join(", ", emulator.EventGridSubscriptions.Select(s => s.Endpoint)))}");
        await output.WriteLineAsync("Press Ctrl+C to stop.");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(externalStop ?? CancellationToken.None);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (docker stop, systemd, kill): the web host's own lifetime would stop Kestrel but leave this verb waiting
        // forever; end the wait instead, so the emulator is disposed and the process exits 0.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("Stopping.");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return 0;
    }

    private static bool IsAddressInUse(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse }
                || e.GetType().Name == "AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<int> CallAsync(ILookup<string, string> options, TextWriter output, TextWriter error)
    {
        var from = Single(options, "from") ?? throw new ArgumentException("--from is required.");
        var to = Single(options, "to") ?? throw new ArgumentException("--to is required.");
        var emulator = new Uri((Single(options, "emulator") ?? "http://127.0.0.1:5050").TrimEnd('/') + "/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync(new Uri(emulator, "emulator/incoming-calls"),
            new { from, to, callerDisplayName = Single(options, "display-name") });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return await Fail(error, $"The emulator answered {(int)response.StatusCode}: {body}");
        }

        await output.WriteLineAsync(body);
        return 0;
    }

    private static ILookup<string, string> Parse(string[] args)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            pairs.Add(KeyValuePair.Create(name, hasValue ? args[++i] : string.Empty));
        }

        return pairs.ToLookup(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static string? Single(ILookup<string, string> options, string name) => options[name].LastOrDefault();

    private static async Task<int> Fail(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        return 2;
    }
}
