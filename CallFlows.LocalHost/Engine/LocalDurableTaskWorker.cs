using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// A Durable Task worker that runs the registered orchestrators and activities in process on a DurableTask.Core
/// <see cref="TaskHubWorker"/> over the host's orchestration service (no gRPC sidecar), exactly as the Durable
/// Functions isolated worker runs them: each wrapped by <see cref="DurableTaskShimFactory"/>.
/// </summary>
internal sealed class LocalDurableTaskWorker : DurableTaskWorker
{
    readonly LocalEngine engine;
    readonly IServiceProvider services;
    readonly ILoggerFactory loggerFactory;
    readonly DurableTaskWorkerOptions options;
    readonly ILogger logger;
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LocalDurableTaskWorker(
        string name,
        IDurableTaskFactory factory,
        IOptionsMonitor<DurableTaskWorkerOptions> options,
        LocalEngine engine,
        IServiceProvider services,
        ILoggerFactory loggerFactory)
        : base(name, factory)
    {
        this.engine = engine;
        this.services = services;
        this.loggerFactory = loggerFactory;
        this.options = options.Get(name);
        this.logger = loggerFactory.CreateLogger("CallFlows.LocalHost.Engine");
    }

    /// <summary>Gets a task that completes once the task hub worker is running.</summary>
    public Task Started => this.started.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shimFactory = new DurableTaskShimFactory(this.options, this.loggerFactory);
        var worker = new TaskHubWorker(
            this.engine.Service,
            new OrchestrationObjectManager(this.Factory, this.services, shimFactory, this.logger),
            new ActivityObjectManager(this.Factory, this.services, shimFactory, this.logger),
            this.loggerFactory)
        {
            // Failures reach the orchestrator as TaskFailedException with FailureDetails, as in Durable Functions isolated.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };

        LocalWorkCounters counters = this.services.GetRequiredService<LocalWorkCounters>();
        worker.AddOrchestrationDispatcherMiddleware((context, next) =>
        {
            if (context.GetProperty<OrchestrationRuntimeState>()?.OrchestrationInstance?.InstanceId is { } instanceId)
            {
                counters.EpisodeExecuted(instanceId);
            }

            if (context.GetProperty<TaskOrchestration>() is ParentAwareOrchestration orchestration
                && context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance is { } parent)
            {
                orchestration.Parent = new ParentOrchestrationInstance(
                    new TaskName(parent.Name), parent.OrchestrationInstance.InstanceId);
            }

            return next();
        });

        worker.AddActivityDispatcherMiddleware((context, next) =>
        {
            counters.ActivityExecuted();
            return next();
        });

        try
        {
            await worker.StartAsync();
            this.started.TrySetResult();
        }
        catch (Exception ex)
        {
            this.started.TrySetException(ex);
            throw;
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Host shutdown.
        }
        finally
        {
            // A graceful stop releases the partition leases, so another process takes over at once. It is bounded:
            // with storage already gone (Azurite stopped first) the provider would retry until the host gives up.
            try
            {
                await worker.StopAsync(isForced: false).WaitAsync(StopTimeout);
            }
            catch (TimeoutException)
            {
                this.logger.EngineStopTimedOut(this.engine.TaskHubName, StopTimeout);
            }

            this.logger.EngineStopped(this.engine.TaskHubName);
        }
    }
}
