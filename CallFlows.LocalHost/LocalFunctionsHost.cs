using System.Reflection;
using System.Text.Json;
using CallFlows.LocalHost.Azurite;
using CallFlows.LocalHost.Engine;
using CallFlows.LocalHost.Functions;
using CallFlows.LocalHost.Hosting;
using CallFlows.LocalHost.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;

namespace CallFlows.LocalHost;

/// <summary>
/// Runs a Functions app's own orchestrators, activities and HTTP functions in this process on a real Durable Task
/// engine (Azure Storage provider, on Azurite by default), behind the same HTTP routes as the Functions host, plus
/// the Durable Functions HTTP management API.
/// </summary>
/// <example>
/// <code>
/// await using var host = await LocalFunctionsHost.StartAsync(new LocalHostOptions { TaskHubName = "Demo" });
/// string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("MyFlow", input);
/// </code>
/// </example>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    readonly WebApplication app;
    readonly LocalEngine engine;
    readonly AzuriteServer? azurite;
    readonly bool deleteTaskHub;
    readonly ILogger logger;
    int stopped;

    LocalFunctionsHost(WebApplication app, LocalEngine engine, AzuriteServer? azurite, Uri baseAddress, bool deleteTaskHub, string storageConnectionString)
    {
        this.app = app;
        this.engine = engine;
        this.azurite = azurite;
        this.BaseAddress = baseAddress;
        this.deleteTaskHub = deleteTaskHub;
        this.StorageConnectionString = storageConnectionString;
        this.logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CallFlows.LocalHost");
    }

    /// <summary>Gets the HTTP base address, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the host's root services (the app's services registered through <see cref="LocalHostOptions.ConfigureServices"/> included).</summary>
    public IServiceProvider Services => this.app.Services;

    /// <summary>Gets the Durable Task client of the task hub (the same one <c>[DurableClient]</c> parameters receive).</summary>
    public DurableTaskClient Client => this.app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Gets the task hub name.</summary>
    public string TaskHubName => this.engine.TaskHubName;

    /// <summary>Gets this process's worker id in the task hub.</summary>
    public string WorkerId => this.engine.WorkerId;

    /// <summary>Gets the storage connection string in use (the managed Azurite's when one was started or reused); meaningless for <see cref="EngineKind.InMemory"/>.</summary>
    public string StorageConnectionString { get; }

    /// <summary>Gets the names of the hosted functions by kind ("orchestrator", "activity", "http").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HostedFunctions =>
        this.app.Services.GetRequiredService<FunctionCatalog>().Functions
            .GroupBy(f => f.Kind.ToString().ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Name).ToList());

    /// <summary>Starts the host: storage (Azurite if needed), task hub, Durable Task worker and HTTP server.</summary>
    /// <param name="options">What to host and how.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running host; dispose it (or call <see cref="StopAsync"/>) to stop.</returns>
    /// <exception cref="InvalidOperationException">Storage, Azurite or the functions assembly is unusable.</exception>
    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Assembly functionsAssembly = ResolveFunctionsAssembly(options);
        string? hostJsonPath = options.HostJsonPath ?? FindHostJson(functionsAssembly);
        HostJsonSettings hostJson = hostJsonPath is null ? HostJsonSettings.Empty : HostJsonSettings.Load(hostJsonPath);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalFunctionsHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (FindLocalSettings(functionsAssembly) is { } localSettings)
        {
            // As Core Tools: local.settings.json "Values" become configuration (AzureWebJobsStorage, app settings);
            // inserted first so that real environment variables still win.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = LoadLocalSettingsValues(localSettings),
            });
        }

        builder.Configuration.AddInMemoryCollection(options.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        // The Azure Storage provider and DurableTask.Core log every poll and lease at Information.
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        // Its one error ("Hosting failed to start", e.g. the port is taken) carries the exception StartAsync rethrows to
        // the caller, which reports it; logged here as well, it was a second stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.HttpPort));

        // Storage: explicit string, else AzureWebJobsStorage from configuration, else development storage.
        string connectionString = options.StorageConnectionString
            ?? builder.Configuration["AzureWebJobsStorage"]
            ?? "UseDevelopmentStorage=true";
        using var bootLoggerFactory = LoggerFactory.Create(l =>
        {
            l.AddSimpleConsole(o => o.SingleLine = true);
            l.SetMinimumLevel(options.MinimumLogLevel);
            options.ConfigureLogging?.Invoke(l);
        });
        ILogger bootLogger = bootLoggerFactory.CreateLogger("CallFlows.LocalHost");

        AzuriteServer? azurite = null;
        if (options.Engine == EngineKind.AzureStorage && AzuriteServer.IsDevelopmentStorage(connectionString))
        {
            AzuriteOptions azuriteOptions = options.Azurite;
            if (options.StorageConnectionString is not null)
            {
                (int blob, int queue, int table) = AzuriteServer.GetPorts(connectionString);
                azuriteOptions = new AzuriteOptions
                {
                    BlobPort = blob,
                    QueuePort = queue,
                    TablePort = table,
                    InMemoryPersistence = options.Azurite.InMemoryPersistence,
                    Location = options.Azurite.Location,
                    ExecutablePath = options.Azurite.ExecutablePath,
                    ProcessPerService = options.Azurite.ProcessPerService,
                    StartTimeout = options.Azurite.StartTimeout,
                };
            }

            azurite = await AzuriteServer.StartOrReuseAsync(azuriteOptions, bootLogger, cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        LocalEngine? engine = null;
        WebApplication? app = null;
        try
        {
            string taskHub = options.TaskHubName ?? hostJson.HubName ?? "CallFlows";
            string workerId = options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
            DataConverter dataConverter = options.DataConverter
                ?? new JsonDataConverter(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

            var catalog = FunctionCatalog.Scan(functionsAssembly);
            var box = new ServiceProviderBox();
            IServiceCollection services = builder.Services;
            services.AddSingleton(catalog);
            services.AddSingleton(box);
            services.AddMvcCore();

            // Replies are read by people as well as programs: "+1555..." and "O'Brien", not "\u002B1555..." and "O\u0027Brien".
            services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            services.AddSingleton(sp => engine!);
            services.AddSingleton<LocalWorkCounters>();
            services.AddSingleton<DurableTaskClient>(sp => new LocalDurableTaskClient(
                "default", engine!.Client, dataConverter, supportsHistory: engine.Settings is not null, sp.GetRequiredService<LocalWorkCounters>()));
            services.AddDurableTaskWorker(b =>
            {
                b.AddTasks(registry =>
                {
                    foreach (FunctionDescriptor f in catalog.Orchestrators)
                    {
                        registry.AddOrchestrator(new TaskName(f.Name), () => new FunctionOrchestrator(f, box.Services));
                    }

                    foreach (FunctionDescriptor f in catalog.Activities)
                    {
                        registry.AddActivity(new TaskName(f.Name), sp => new FunctionActivity(f, sp));
                    }
                });
                b.Configure(o => o.DataConverter = dataConverter);
                b.UseBuildTarget<LocalDurableTaskWorker>();
            });
            services.AddHostedService(sp => new TimerFunctionRunner(
                catalog.TimerFunctions, sp, sp.GetRequiredService<IConfiguration>(), sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("CallFlows.LocalHost.Timers")));
            options.ConfigureServices?.Invoke(services, builder.Configuration);

            app = builder.Build();
            box.Services = app.Services;
            ILoggerFactory loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
            ILogger logger = loggerFactory.CreateLogger("CallFlows.LocalHost");

            engine = options.Engine == EngineKind.InMemory
                ? LocalEngine.CreateInMemory(taskHub, workerId, loggerFactory)
                : LocalEngine.CreateAzureStorage(
                    connectionString, taskHub, workerId, options.EngineSettings, hostJson, options.PartitionLeaseInterval, loggerFactory, options.ConfigureStorageClient);
            await engine.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

            foreach (FunctionDescriptor f in catalog.Functions)
            {
                logger.FunctionHosted(f.Kind.ToString().ToLowerInvariant(), f.Name, f.DisplayMethod);
            }

            foreach ((string name, string method, string reason) in catalog.NotHosted)
            {
                logger.FunctionNotHosted(name, method, reason);
            }

            DurableHttpApi.Map(app);
            HttpFunctionEndpoints.Map(app, catalog.HttpFunctions, hostJson.HttpRoutePrefix ?? "api", logger);
            options.Configure?.Invoke(app);

            await app.StartAsync(cancellationToken);
            LocalDurableTaskWorker worker = app.Services.GetServices<IHostedService>().OfType<LocalDurableTaskWorker>().Single();
            await worker.Started.WaitAsync(cancellationToken);

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            logger.EngineStarted(taskHub, workerId, engine.SettingsSource, catalog.Orchestrators.Count(), catalog.Activities.Count());
            logger.Listening(baseAddress);
            return new LocalFunctionsHost(app, engine, azurite, baseAddress, options.DeleteTaskHubOnStop, connectionString);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            engine?.Dispose();
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Stops the HTTP server and the worker (releasing partition leases), deletes the task hub if asked, and stops a managed Azurite.</summary>
    /// <param name="cancellationToken">Ends a graceful stop early.</param>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref this.stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await this.app.StopAsync(cancellationToken);
            if (this.deleteTaskHub)
            {
                try
                {
                    await this.engine.DeleteAsync();
                    this.logger.TaskHubDeleted(this.engine.TaskHubName);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    this.logger.TaskHubDeleteFailed(ex, this.engine.TaskHubName);
                }
            }
        }
        finally
        {
            await this.app.DisposeAsync();
            this.engine.Dispose();
            if (this.azurite is not null)
            {
                await this.azurite.DisposeAsync();
            }
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    /// <returns>A task that completes when everything has stopped.</returns>
    public async ValueTask DisposeAsync() => await this.StopAsync();

    /// <summary>Waits until the application is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes on shutdown.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => this.app.WaitForShutdownAsync(cancellationToken);

    static Assembly ResolveFunctionsAssembly(LocalHostOptions options)
    {
        if (options.FunctionsAssembly is not null)
        {
            return options.FunctionsAssembly;
        }

        if (options.FunctionsAssemblyPath is not null)
        {
            string path = Path.GetFullPath(options.FunctionsAssemblyPath);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException("Functions assembly not found: " + path);
            }

            return Assembly.LoadFrom(path);
        }

        return Assembly.Load("CallFlows.Functions");
    }

    static string? FindLocalSettings(Assembly functionsAssembly)
    {
        string? dir = Path.GetDirectoryName(functionsAssembly.Location);
        string? root = AzuriteServer.FindRepositoryRoot(dir);
        return new[] { dir, root is null ? null : Path.Combine(root, "CallFlows.Functions"), root }
            .Where(d => d is not null)
            .Select(d => Path.Combine(d!, "local.settings.json"))
            .FirstOrDefault(File.Exists);
    }

    static Dictionary<string, string?> LoadLocalSettingsValues(string path)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (doc.RootElement.TryGetProperty("Values", out JsonElement element) && element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    // "Section__Key" is the Functions spelling of "Section:Key".
                    values[property.Name.Replace("__", ":", StringComparison.Ordinal)] =
                        property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }

            return values;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {ex.Message}", ex);
        }
    }

    static string? FindHostJson(Assembly functionsAssembly)
    {
        string? dir = Path.GetDirectoryName(functionsAssembly.Location);
        if (dir is not null && File.Exists(Path.Combine(dir, "host.json")))
        {
            return Path.Combine(dir, "host.json");
        }

        string? root = AzuriteServer.FindRepositoryRoot(dir);
        return root is not null && File.Exists(Path.Combine(root, "host.json")) ? Path.Combine(root, "host.json") : null;
    }
}
