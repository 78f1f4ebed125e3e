using CallFlows.LocalHost.Azurite;

namespace CallFlows.LocalHost.Cli;

/// <summary>The <c>serve</c> verb: hosts the Functions app on the local engine until Ctrl+C / SIGTERM.</summary>
public sealed class ServeCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "serve";

    /// <inheritdoc/>
    public string Description => "Host the Functions app's orchestrators, activities and HTTP functions on a local Durable Task engine.";

    /// <inheritdoc/>
    public string Usage =>
        "[--port 7071] [--taskhub NAME] [--storage CONNECTION_STRING] [--functions-assembly PATH] [--host-json PATH] " +
        "[--worker-id ID] [--engine-defaults] [--in-memory] [--azurite-ports 10000,10001,10002] [--azurite-in-memory] [--log-level Information]";

    /// <inheritdoc/>
    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new LocalHostOptions
        {
            HttpPort = arguments.GetInt32("port", 7071),
            TaskHubName = arguments.GetString("taskhub"),
            StorageConnectionString = arguments.GetString("storage"),
            FunctionsAssemblyPath = arguments.GetString("functions-assembly"),
            HostJsonPath = arguments.GetString("host-json"),
            WorkerId = arguments.GetString("worker-id"),
            EngineSettings = arguments.HasFlag("engine-defaults") ? EngineSettingsSource.EngineDefaults : EngineSettingsSource.HostJson,
            Engine = arguments.HasFlag("in-memory") ? EngineKind.InMemory : EngineKind.AzureStorage,
            Azurite = new AzuriteOptions
            {
                InMemoryPersistence = arguments.HasFlag("azurite-in-memory"),
                Location = AzuriteServer.FindRepositoryRoot() is { } root ? Path.Combine(root, ".azurite") : null,
            },
        };
        if (arguments.GetString("azurite-ports") is { } ports)
        {
            int[] parsed = ports.Split(',').Select(p => int.TryParse(p, out int port) && port is >= 0 and <= 65535
                ? port
                : throw new CliUsageException($"--azurite-ports must be three ports 'blob,queue,table', not '{ports}'.")).ToArray();
            if (parsed.Length != 3)
            {
                throw new CliUsageException($"--azurite-ports must be three ports 'blob,queue,table', not '{ports}'.");
            }

            (options.Azurite.BlobPort, options.Azurite.QueuePort, options.Azurite.TablePort) = (parsed[0], parsed[1], parsed[2]);
        }

        string? level = arguments.GetString("log-level");
        if (level is not null)
        {
            options.MinimumLogLevel = Enum.TryParse(level, ignoreCase: true, out LogLevel parsed)
                ? parsed
                : throw new CliUsageException($"--log-level must be one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
        }

        arguments.ThrowIfUnknownOptions();

        await using LocalFunctionsHost host = await LocalFunctionsHost.StartAsync(options, cancellationToken);
        Console.WriteLine($"CallFlows local host on {host.BaseAddress} (task hub '{host.TaskHubName}'). Ctrl+C to stop.");
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
}
