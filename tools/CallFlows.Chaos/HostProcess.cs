using System.Globalization;
using CallFlows.Testing.Processes;

namespace CallFlows.Chaos;

/// <summary>
/// The CallFlows app as a separate process: <c>CallFlows.LocalHost start --emulator URL</c> on a fixed port, task hub
/// and storage, so a restarted process is the same app to the emulator (same webhook, same callback URLs) and takes
/// over the killed one's task hub partitions once their leases expire.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    readonly ChildProcess process;

    HostProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        this.BaseAddress = baseAddress;
    }

    /// <summary>Gets the app's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the process id.</summary>
    public int ProcessId => this.process.Id;

    /// <summary>Gets a value indicating whether the process has exited.</summary>
    public bool HasExited => this.process.HasExited;

    /// <summary>Starts the host and waits until it answers its readiness probe.</summary>
    /// <param name="emulator">The emulator's base address.</param>
    /// <param name="port">The app's port.</param>
    /// <param name="taskHub">The task hub.</param>
    /// <param name="storage">The storage connection string.</param>
    /// <param name="logPath">Where the process's output goes.</param>
    /// <param name="environment">Extra environment variables (app settings with <c>__</c>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The running host.</returns>
    /// <exception cref="InvalidOperationException">The process exited before it was ready.</exception>
    public static async Task<HostProcess> StartAsync(
        Uri emulator, int port, string taskHub, string storage, string logPath,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
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
                "--log-level", "Warning",
            ],
            options),
            new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        try
        {
            await host.process.WaitForHttpOkAsync(new Uri(host.BaseAddress, "admin/host/status"), cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL (no graceful shutdown: partition leases stay held until they expire, in-flight work is lost).</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public Task KillAsync() => this.process.KillAsync();

    /// <summary>Kills the process if it still runs and closes its log.</summary>
    /// <returns>A task that completes when done.</returns>
    public ValueTask DisposeAsync() => this.process.DisposeAsync();
}
