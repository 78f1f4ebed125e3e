using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallFlows.LocalHost.Azurite;

/// <summary>
/// A running Azurite (the Azure Storage emulator) on 127.0.0.1: either one that was already listening (reused, left
/// running on dispose) or one this process started (stopped on dispose). A started Azurite runs its blob, queue and
/// table services as three Node processes by default (<see cref="AzuriteOptions.ProcessPerService"/>), so the engine's
/// queue and table traffic is not served by one process on one core.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>The well-known development storage account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known, public development storage account key (not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The prefix of the lines the index patch writes to Azurite's standard error (see <c>azurite-preload.js</c>).</summary>
    public const string PatchReportPrefix = "CallFlows Azurite patch: ";

    readonly IReadOnlyList<Process> processes;
    readonly System.Collections.Concurrent.ConcurrentQueue<string> patchReports = new();
    readonly string? ownedLocation;
    readonly ILogger logger;
    int disposed;

    AzuriteServer(int blobPort, int queuePort, int tablePort, IReadOnlyList<Process> processes, string? ownedLocation, ILogger logger)
    {
        this.BlobPort = blobPort;
        this.QueuePort = queuePort;
        this.TablePort = tablePort;
        this.processes = processes;
        this.ownedLocation = ownedLocation;
        this.logger = logger;
        this.ConnectionString = BuildConnectionString(blobPort, queuePort, tablePort);
    }

    /// <summary>Gets the blob service port.</summary>
    public int BlobPort { get; }

    /// <summary>Gets the queue service port.</summary>
    public int QueuePort { get; }

    /// <summary>Gets the table service port.</summary>
    public int TablePort { get; }

    /// <summary>Gets the storage connection string for this Azurite (explicit endpoints, works for any ports).</summary>
    public string ConnectionString { get; }

    /// <summary>Gets a value indicating whether this process started Azurite (and so stops it on dispose).</summary>
    public bool IsOwned => this.processes.Count > 0;

    /// <summary>Gets the process id of the (first) Azurite process this process started, or <see langword="null"/> when reused.</summary>
    public int? ProcessId => this.processes.Count > 0 ? this.processes[0].Id : null;

    /// <summary>Gets the ids of the Azurite processes this process started: one per service (blob, queue, table) or a single one; empty when reused.</summary>
    public IReadOnlyList<int> ProcessIds => this.processes.Select(p => p.Id).ToList();

    /// <summary>
    /// Gets what the index patch (<see cref="AzuriteOptions.PatchIndexMaintenance"/>) reported from the processes started
    /// so far, one line per part it patched (or could not patch), without the prefix; empty when the patch is off or
    /// Azurite was reused. Azurite's output is read asynchronously, so a line may arrive a moment after the start.
    /// </summary>
    public IReadOnlyList<string> PatchReports => [.. this.patchReports];

    /// <summary>
    /// Reuses Azurite when it already listens on all three configured ports, otherwise starts it and waits until it
    /// listens.
    /// </summary>
    /// <param name="options">Ports, persistence and executable; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Receives start/reuse/stop lines and Azurite's own output at debug level.</param>
    /// <param name="cancellationToken">Cancels the wait for a started Azurite (which is then stopped).</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">Some but not all ports are taken, the executable is missing, or Azurite did not come up.</exception>
    public static async Task<AzuriteServer> StartOrReuseAsync(
        AzuriteOptions? options = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteOptions();
        logger ??= NullLogger.Instance;

        int blobPort = options.BlobPort == 0 ? GetFreePort() : options.BlobPort;
        int queuePort = options.QueuePort == 0 ? GetFreePort() : options.QueuePort;
        int tablePort = options.TablePort == 0 ? GetFreePort() : options.TablePort;

        bool[] listening = [IsListening(blobPort), IsListening(queuePort), IsListening(tablePort)];
        if (listening.All(x => x))
        {
            logger.AzuriteReused(blobPort, queuePort, tablePort);
            return new AzuriteServer(blobPort, queuePort, tablePort, processes: [], ownedLocation: null, logger);
        }

        if (listening.Any(x => x))
        {
            throw new InvalidOperationException(
                $"Only some of the storage ports {blobPort}/{queuePort}/{tablePort} on 127.0.0.1 are in use: another program holds them. " +
                "Free them or configure other Azurite ports.");
        }

        // One process per service needs the package's azurite-blob/-queue/-table programs; an explicit executable
        // (or an install without them) runs the all-in-one program.
        bool perService = options.ProcessPerService && options.ExecutablePath is null && FindExecutable(service: "queue") is not null;
        string executable = options.ExecutablePath ?? FindExecutable()
            ?? throw new InvalidOperationException(
                "Azurite was not found (node_modules/.bin/azurite above " + AppContext.BaseDirectory + "). " +
                "Run 'npm ci' in the repository root, or pass a storage connection string.");

        string? ownedLocation = null;
        string location;
        if (options.InMemoryPersistence)
        {
            location = "memory";
        }
        else
        {
            if (options.Location is null)
            {
                ownedLocation = Directory.CreateTempSubdirectory("callflows-azurite-").FullName;
            }

            // The services keep their data in differently named files, so they can share one workspace folder.
            location = options.Location ?? ownedLocation!;
            Directory.CreateDirectory(location);
        }

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // The server holds this list, so a failed start stops whatever was started so far.
        var started = new List<Process>();
        var server = new AzuriteServer(blobPort, queuePort, tablePort, started, ownedLocation, logger);
        string? preload = options.PatchIndexMaintenance ? WritePreloadScript() : null;
        try
        {
            if (perService)
            {
                foreach ((string service, int port) in new[] { ("blob", blobPort), ("queue", queuePort), ("table", tablePort) })
                {
                    string program = FindExecutable(service: service) ?? executable;
                    started.Add(StartProcess(program, ServiceArguments(service, port), options.InMemoryPersistence, location, preload, output, server.patchReports, logger));
                }
            }
            else
            {
                var arguments = new List<string>();
                arguments.AddRange(ServiceArguments("blob", blobPort));
                arguments.AddRange(ServiceArguments("queue", queuePort));
                arguments.AddRange(ServiceArguments("table", tablePort));
                started.Add(StartProcess(executable, arguments, options.InMemoryPersistence, location, preload, output, server.patchReports, logger));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            while (!(IsListening(blobPort) && IsListening(queuePort) && IsListening(tablePort)))
            {
                if (started.FirstOrDefault(p => p.HasExited) is { } exited)
                {
                    throw new InvalidOperationException(
                        $"Azurite exited with code {exited.ExitCode} before listening: " + string.Join(Environment.NewLine, output));
                }

                try
                {
                    await Task.Delay(100, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new InvalidOperationException(
                        $"Azurite did not listen within {options.StartTimeout}: " + string.Join(Environment.NewLine, output));
                }
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        logger.AzuriteStarted(string.Join(", ", server.ProcessIds), blobPort, queuePort, tablePort, location);
        return server;
    }

    static string[] ServiceArguments(string service, int port) =>
        ["--" + service + "Host", "127.0.0.1", "--" + service + "Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>
    /// Writes the embedded <c>azurite-preload.js</c> to the temporary folder (named by its content hash, so concurrent
    /// starts and different versions never overwrite each other's file) and returns its path.
    /// </summary>
    internal static string WritePreloadScript()
    {
        using Stream stream = typeof(AzuriteServer).Assembly.GetManifestResourceStream("CallFlows.LocalHost.Azurite.azurite-preload.js")
            ?? throw new InvalidOperationException("The Azurite preload script is missing from CallFlows.LocalHost.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] content = buffer.ToArray();
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16];
        string path = Path.Combine(Path.GetTempPath(), "callflows-azurite-preload-" + hash + ".js");
        if (!File.Exists(path))
        {
            string partial = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllBytes(partial, content);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    static Process StartProcess(
        string executable, IEnumerable<string> serviceArguments, bool inMemory, string location, string? preload,
        System.Collections.Concurrent.ConcurrentQueue<string> output, System.Collections.Concurrent.ConcurrentQueue<string> patchReports, ILogger logger)
    {
        // In its own session (setsid) where available: a Ctrl+C or SIGTERM to the host's process group must not
        // stop storage before the host has shut down gracefully; the host stops Azurite itself on dispose.
        string? setsid = OperatingSystem.IsWindows() ? null : new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
        var psi = new ProcessStartInfo(setsid ?? executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        if (setsid is not null)
        {
            psi.ArgumentList.Add(executable);
        }

        foreach (string arg in serviceArguments.Concat(["--disableTelemetry", "--skipApiVersionCheck", "--silent"]))
        {
            psi.ArgumentList.Add(arg);
        }

        if (inMemory)
        {
            psi.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            psi.ArgumentList.Add("--location");
            psi.ArgumentList.Add(location);
        }

        if (preload is not null)
        {
            // Node reads NODE_OPTIONS (quoted paths allowed) in the process the .bin shim or the .cmd file starts.
            string inherited = psi.Environment.TryGetValue("NODE_OPTIONS", out string? value) && !string.IsNullOrWhiteSpace(value) ? value + " " : string.Empty;
            psi.Environment["NODE_OPTIONS"] = inherited + "--require \"" + preload + "\"";
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Azurite did not start: " + executable);
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is { Length: > 0 } line)
            {
                if (line.StartsWith(PatchReportPrefix, StringComparison.Ordinal))
                {
                    patchReports.Enqueue(line[PatchReportPrefix.Length..]);
                }

                output.Enqueue(line);
                logger.AzuriteOutput(line);
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Builds a connection string for Azurite's development account on 127.0.0.1 with the given ports.</summary>
    /// <param name="blobPort">Blob service port.</param>
    /// <param name="queuePort">Queue service port.</param>
    /// <param name="tablePort">Table service port.</param>
    /// <returns>A connection string with explicit endpoints.</returns>
    public static string BuildConnectionString(int blobPort, int queuePort, int tablePort) =>
        FormattableString.Invariant(
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};") +
        FormattableString.Invariant($"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};") +
        FormattableString.Invariant($"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};") +
        FormattableString.Invariant($"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");

    /// <summary>
    /// Tells whether a connection string means local development storage: <c>UseDevelopmentStorage=true</c>, or the
    /// development account with endpoints on the loopback address.
    /// </summary>
    /// <param name="connectionString">A storage connection string.</param>
    /// <returns><see langword="true"/> for development storage.</returns>
    public static bool IsDevelopmentStorage(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        string normalized = connectionString.Replace(" ", string.Empty, StringComparison.Ordinal);
        return normalized.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            || (normalized.Contains("AccountName=" + AccountName, StringComparison.OrdinalIgnoreCase)
                && (normalized.Contains("127.0.0.1", StringComparison.Ordinal)
                    || normalized.Contains("localhost", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Reads the blob/queue/table ports from a development storage connection string (defaults 10000/10001/10002).</summary>
    /// <param name="connectionString">A development storage connection string.</param>
    /// <returns>The three ports.</returns>
    public static (int BlobPort, int QueuePort, int TablePort) GetPorts(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        int blob = 10000, queue = 10001, table = 10002;
        foreach (string part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !Uri.TryCreate(part[(eq + 1)..], UriKind.Absolute, out Uri? uri))
            {
                continue;
            }

            switch (part[..eq].ToUpperInvariant())
            {
                case "BLOBENDPOINT": blob = uri.Port; break;
                case "QUEUEENDPOINT": queue = uri.Port; break;
                case "TABLEENDPOINT": table = uri.Port; break;
            }
        }

        return (blob, queue, table);
    }

    /// <summary>Finds <c>node_modules/.bin/azurite</c> (or one service's program, <c>azurite-queue</c> for example) by walking up from <paramref name="startDirectory"/> to the folder holding <c>CallFlows.sln</c> or <c>package.json</c>.</summary>
    /// <param name="startDirectory">Where to start; default the application folder.</param>
    /// <param name="service"><c>blob</c>, <c>queue</c> or <c>table</c> for that service's program; default <see langword="null"/>: the all-in-one program.</param>
    /// <returns>The executable path, or <see langword="null"/> when not installed.</returns>
    public static string? FindExecutable(string? startDirectory = null, string? service = null)
    {
        string? root = FindRepositoryRoot(startDirectory);
        if (root is null)
        {
            return null;
        }

        string name = service is null ? "azurite" : "azurite-" + service;
        string path = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? name + ".cmd" : name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Finds the repository root: the nearest folder at or above <paramref name="startDirectory"/> holding <c>CallFlows.sln</c> or <c>package.json</c>.</summary>
    /// <param name="startDirectory">Where to start; default the application folder.</param>
    /// <returns>The folder, or <see langword="null"/>.</returns>
    public static string? FindRepositoryRoot(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallFlows.sln")) || File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Tells whether something accepts TCP connections on 127.0.0.1 at <paramref name="port"/>.</summary>
    /// <param name="port">The port.</param>
    /// <returns><see langword="true"/> when a connection succeeds.</returns>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Picks a currently free TCP port on 127.0.0.1.</summary>
    /// <returns>The port number.</returns>
    public static int GetFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Stops Azurite when this process started it (and deletes its temporary data folder); a reused Azurite keeps running.</summary>
    /// <returns>A task that completes when the processes have exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref this.disposed, 1) == 1 || this.processes.Count == 0)
        {
            return;
        }

        string pids = string.Join(", ", this.ProcessIds);
        foreach (Process process in this.processes)
        {
            await StopAsync(process);
        }

        this.logger.AzuriteStopped(pids);
        if (this.ownedLocation is not null)
        {
            try
            {
                Directory.Delete(this.ownedLocation, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }

    static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Kill was sent; the OS reaps it.
        }
        finally
        {
            process.Dispose();
        }
    }
}
