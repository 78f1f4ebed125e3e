using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace CallFlows.LocalHost.Engine;

/// <summary>Resolves orchestrations by name from the worker's task factory (the registry built by <c>AddTasks</c>).</summary>
internal sealed class OrchestrationObjectManager(
    IDurableTaskFactory factory, IServiceProvider services, DurableTaskShimFactory shimFactory, ILogger logger)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new InvalidOperationException("Orchestrations are registered through the Durable Task worker builder (AddTasks).");

    public TaskOrchestration? GetObject(string name, string? version)
    {
        var taskName = new TaskName(name);
        if (factory.TryCreateOrchestrator(taskName, services, out ITaskOrchestrator? orchestrator) && orchestrator is not null)
        {
            return new ParentAwareOrchestration(taskName, orchestrator, shimFactory);
        }

        logger.UnknownOrchestration(name);

        // DurableTask.Core fails the instance with a "not found" error when no orchestration is returned.
        return null;
    }
}
