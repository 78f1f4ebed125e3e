using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CallFlows.Testing.Processes;

/// <summary>
/// A child process started by a test, the chaos run or the benchmark: its output is collected (and optionally logged to
/// a file), readiness is awaited on a signal (an output line or an HTTP probe) rather than a sleep, and it is stopped
/// either gracefully (SIGTERM) or abruptly (SIGKILL of the whole tree). Disposing kills what still runs.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ChildProcessOptions options;
    readonly ConcurrentQueue<string> lines = new();
    readonly StreamWriter? log;
    readonly object logGate = new();
    readonly SemaphoreSlim lineArrived = new(0);

    ChildProcess(Process process, ChildProcessOptions options, StreamWriter? log)
    {
        this.process = process;
        this.options = options;
        this.log = log;
    }

    /// <summary>Gets the process id.</summary>
    public int Id => this.process.Id;

    /// <summary>Gets a value indicating whether the process has exited.</summary>
    public bool HasExited => this.process.HasExited;

    /// <summary>Gets the exit code (only once <see cref="HasExited"/>).</summary>
    public int ExitCode => this.process.ExitCode;

    /// <summary>Gets the output lines kept so far (stdout and stderr interleaved as they arrived).</summary>
    public IReadOnlyList<string> Lines => this.lines.ToArray();

    /// <summary>Gets the output kept so far as one text.</summary>
    public string Output => string.Join(Environment.NewLine, this.lines);

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> (each passed as one argument, no shell).</summary>
    /// <param name="fileName">The program, e.g. <c>dotnet</c>.</param>
    /// <param name="arguments">The arguments.</param>
    /// <param name="options">Working directory, environment, log file, line callback.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="InvalidOperationException">The process could not be started.</exception>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, ChildProcessOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        options ??= new ChildProcessOptions();
        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.WorkingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (string argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in options.Environment)
        {
            psi.Environment[key] = value;
        }

        StreamWriter? log = options.LogPath is { } path ? new StreamWriter(path, append: true) { AutoFlush = true } : null;
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"'{fileName}' could not be started.");
        }
        catch
        {
            log?.Dispose();
            throw;
        }

        var child = new ChildProcess(process, options, log);
        process.OutputDataReceived += (_, e) => child.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => child.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Starts a .NET app: <c>dotnet <paramref name="assemblyPath"/> <paramref name="arguments"/></c>.</summary>
    /// <param name="assemblyPath">The app's dll.</param>
    /// <param name="arguments">The app's arguments.</param>
    /// <param name="options">Working directory, environment, log file, line callback.</param>
    /// <returns>The running process.</returns>
    public static ChildProcess StartDotnet(string assemblyPath, IEnumerable<string> arguments, ChildProcessOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        ArgumentNullException.ThrowIfNull(arguments);
        return Start("dotnet", new[] { assemblyPath }.Concat(arguments), options);
    }

    /// <summary>Waits until an output line matches <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The line to wait for.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching line.</returns>
    /// <exception cref="InvalidOperationException">The process exited first (the message holds its output).</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        while (true)
        {
            if (this.lines.FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            if (this.process.HasExited)
            {
                // Output can trail the exit; read what is left once before giving up.
                await this.process.WaitForExitAsync(cancellationToken);
                return this.lines.FirstOrDefault(predicate) ?? throw this.ExitedEarly();
            }

            // Woken by each new line; the timeout covers an exit that prints nothing.
            await this.lineArrived.WaitAsync(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> answers 200 (connection refused and probe timeouts mean "not yet").</summary>
    /// <param name="probe">The readiness URL, e.g. <c>http://127.0.0.1:7071/admin/host/status</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the probe answered 200.</returns>
    /// <exception cref="InvalidOperationException">The process exited first (the message holds its output).</exception>
    public async Task WaitForHttpOkAsync(Uri probe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (this.process.HasExited)
            {
                throw this.ExitedEarly();
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(probe, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out while the process starts on a busy machine.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits for the process to exit.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await this.process.WaitForExitAsync(cancellationToken);
        return this.process.ExitCode;
    }

    /// <summary>
    /// Sends SIGTERM (what <c>docker stop</c> and systemd send) and waits for the process to exit; kills it when it has
    /// not exited within <paramref name="gracePeriod"/>.
    /// </summary>
    /// <param name="gracePeriod">How long a graceful stop may take.</param>
    /// <returns><see langword="true"/> when the process exited on its own; <see langword="false"/> when it had to be killed.</returns>
    public async Task<bool> TerminateAsync(TimeSpan gracePeriod)
    {
        if (this.process.HasExited)
        {
            return true;
        }

        await SendSignalAsync(this.process.Id, "TERM");
        using var wait = new CancellationTokenSource(gracePeriod);
        try
        {
            await this.process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await this.KillAsync();
            return false;
        }
    }

    /// <summary>SIGKILL of the process tree: no graceful shutdown (leases stay held until they expire, in-flight work is lost).</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public async Task KillAsync()
    {
        if (!this.process.HasExited)
        {
            try
            {
                this.process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
        }

        await this.process.WaitForExitAsync();
    }

    /// <summary>Kills the process if it still runs and closes its log.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        await this.KillAsync();
        this.process.Dispose();
        lock (this.logGate)
        {
            this.log?.Dispose();
        }

        this.lineArrived.Dispose();
    }

    static async Task SendSignalAsync(int processId, string signal)
    {
        // .NET can receive POSIX signals but not send them; kill(1) is on every Linux and macOS machine.
        using var kill = Process.Start(new ProcessStartInfo("kill")
        {
            ArgumentList = { "-" + signal, processId.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("kill could not be started.");
        await kill.WaitForExitAsync();
    }

    InvalidOperationException ExitedEarly() =>
        new($"The process exited with code {this.process.ExitCode} before it was ready:{Environment.NewLine}{this.Output}"
            + (this.options.LogPath is { } path ? $"{Environment.NewLine}(full output in {path})" : string.Empty));

    void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        this.lines.Enqueue(line);
        while (this.lines.Count > this.options.MaxLinesKept)
        {
            this.lines.TryDequeue(out _);
        }

        lock (this.logGate)
        {
            try
            {
                this.log?.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after the log closed (process teardown): nothing to keep.
            }
        }

        this.options.OnLine?.Invoke(line);
        try
        {
            this.lineArrived.Release();
        }
        catch (ObjectDisposedException)
        {
            // Output after disposal.
        }
    }
}
