using System.Diagnostics;
using System.Globalization;
using CallFlows.LocalHost.Azurite;
using CallFlows.LocalHost.Cli;

namespace CallFlows.LocalHost.App;

/// <summary>
/// The <c>demo</c> verb: starts the emulator and the app (on a private in-memory Azurite by default), places the
/// sample calls of <see cref="DemoRunner"/>, prints each call's timeline and outcome, and exits 0 only when every call
/// ended as expected.
/// </summary>
public sealed class DemoCommand : ICliCommand
{
    /// <inheritdoc/>
    public string Name => "demo";

    /// <inheritdoc/>
    public string Description => "Run sample calls through the shipped flows against the ACS emulator and print their timelines (exit 0 = all as expected).";

    /// <inheritdoc/>
    public string Usage => "[--in-memory] [--storage CONNECTION_STRING] [--taskhub NAME] [--port 0] [--verbose]";

    /// <inheritdoc/>
    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string? storage = arguments.GetString("storage");
        var options = new CallFlowsLocalAppOptions
        {
            Engine = arguments.HasFlag("in-memory") ? EngineKind.InMemory : EngineKind.AzureStorage,
            StorageConnectionString = storage,

            // A private Azurite on free ports, in memory: nothing to configure, nothing left behind, no clash with
            // an Azurite the developer already runs.
            Azurite = storage is null ? new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true } : new AzuriteOptions(),
            TaskHubName = arguments.GetString("taskhub") ?? "Demo" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            DeleteTaskHubOnStop = true,
            HttpPort = arguments.GetInt32("port", 0),
            MinimumLogLevel = arguments.HasFlag("verbose") ? LogLevel.Information : LogLevel.Warning,

            // The ten scenarios need the demo numbers, whatever a local.settings.json copied from the sample routes.
            UseDemoRouting = true,
        };
        arguments.ThrowIfUnknownOptions();

        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine("Starting the ACS emulator, Azurite and the CallFlows app...");
        await using CallFlowsLocalApp app = await CallFlowsLocalApp.StartAsync(options, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"App on {app.BaseAddress} (task hub '{app.Host.TaskHubName}', engine {options.Engine}), emulator on {app.EmulatorEndpoint}; ready in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine($"Placing {DemoRunner.Scenarios.Count} calls at once...");

        IReadOnlyList<DemoCallReport> reports = await DemoRunner.RunAsync(app, Console.Out, cancellationToken: cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        return reports.All(r => r.Passed) ? 0 : 1;
    }
}
