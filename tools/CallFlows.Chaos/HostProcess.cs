using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CallFlows.Chaos;

/// <summary>
/// The CallFlows app as a separate process: <c>CallFlows.LocalHost start --emulator URL</c> on a fixed port, task hub
/// and storage, so a restarted process is the same app to the emulator (same webhook, same callback URLs) and takes
/// over the killed one's task hub partitions once their leases expire.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StreamWriter log;

    HostProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
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
        string dir = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (string arg in new[]
        {
            Path.Combine(dir, "CallFlows.LocalHost.dll"), "start",
            "--emulator", emulator.AbsoluteUri,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--taskhub", taskHub,
            "--storage", storage,
            "--log-level", "Warning",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var writer = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started.");
        var host = new HostProcess(process, writer, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready; see {logPath}.");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri("admin/host/status", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Probe timed out while the process starts on a busy machine.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>SIGKILL (no graceful shutdown: partition leases stay held until they expire, in-flight work is lost).</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public async Task KillAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
        }

        await this.process.WaitForExitAsync();
    }

    /// <summary>Kills the process if it still runs and closes its log.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        await this.KillAsync();
        this.process.Dispose();
        lock (this.log)
        {
            this.log.Dispose();
        }
    }

    void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (this.log)
        {
            try
            {
                this.log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after the log closed (process teardown): nothing to keep.
            }
        }
    }
}
