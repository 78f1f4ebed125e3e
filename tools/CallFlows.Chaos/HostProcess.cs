using System.Globalization;
using System.Net.Http.Json;
using CallFlows.Testing.Processes;

namespace CallFlows.Chaos;

/// <summary>
/// The CallFlows app as a separate process: <c>CallFlows.LocalHost start --emulator URL</c> on a fixed port, task hub
/// and storage, so a restarted process is the same app to the emulator (same webhook, same callback URLs) and takes
/// over the killed one's task hub partitions once their leases expire.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
    readonly ChildProcess process;

    HostProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        this.BaseAddress = baseAddress;
        this.ProcessId = process.Id;
    }

    /// <summary>Gets the app's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the process id (still known after the process is gone).</summary>
    public int ProcessId { get; }

    /// <summary>Gets a value indicating whether the process has exited.</summary>
    public bool HasExited => this.process.HasExited;

    /// <summary>Starts the host and waits until it answers its readiness probe and has registered its webhook.</summary>
    /// <param name="emulator">The emulator's base address.</param>
    /// <param name="port">The app's port.</param>
    /// <param name="taskHub">The task hub.</param>
    /// <param name="storage">The storage connection string.</param>
    /// <param name="logPath">Where the process's output goes.</param>
    /// <param name="environment">Extra environment variables (app settings with <c>__</c>).</param>
    /// <param name="publicUrl">The balancer in front of several hosts (callbacks and the webhook go there); <see langword="null"/>: the host's own address.</param>
    /// <param name="logLevel">The host's minimum log level; <see langword="null"/>: Warning.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The running host.</returns>
    /// <exception cref="InvalidOperationException">The process exited before it was ready.</exception>
    public static async Task<HostProcess> StartAsync(
        Uri emulator, int port, string taskHub, string storage, string logPath,
        IReadOnlyDictionary<string, string>? environment = null, Uri? publicUrl = null, string? logLevel = null, CancellationToken cancellationToken = default)
    {
        var options = new ChildProcessOptions { LogPath = logPath, MaxLinesKept = 200 };
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            options.Environment[key] = value;
        }

        var host = new HostProcess(
            ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "CallFlows.LocalHost.dll"),
            [
                "start",
                "--emulator", emulator.AbsoluteUri,
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--taskhub", taskHub,
                "--storage", storage,
                "--log-level", logLevel ?? "Warning",
                .. publicUrl is null ? Array.Empty<string>() : ["--public-url", publicUrl.AbsoluteUri],
            ],
            options),
            new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        try
        {
            await host.process.WaitForHttpOkAsync(new Uri(host.BaseAddress, "admin/host/status"), cancellationToken);

            // The banner comes after the Event Grid webhook is registered: the next host started sees the subscription
            // and does not add a second one (which would deliver every IncomingCall twice).
            await host.process.WaitForLineAsync(line => line.StartsWith("CallFlows is running.", StringComparison.Ordinal), cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads what the process did in the task hub so far (<c>GET /admin/host/work</c>).</summary>
    /// <param name="timeout">How long the process may take to answer (a busy host on a loaded machine can take seconds).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The counters, or <see langword="null"/> when the process does not answer in time (killed, busy).</returns>
    public async Task<HostWork?> TryGetWorkAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { BaseAddress = this.BaseAddress, Timeout = timeout };
        try
        {
            return await http.GetFromJsonAsync<HostWork>("admin/host/work", Json, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>SIGKILL (no graceful shutdown: partition leases stay held until they expire, in-flight work is lost).</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public Task KillAsync() => this.process.KillAsync();

    /// <summary>Kills the process if it still runs and closes its log.</summary>
    /// <returns>A task that completes when done.</returns>
    public ValueTask DisposeAsync() => this.process.DisposeAsync();
}
