using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace CallFlows.LocalHost.Engine;

/// <summary>Resolves activities by name from the worker's task factory, wrapped in the Durable Task shim.</summary>
internal sealed class ActivityObjectManager(
    IDurableTaskFactory factory, IServiceProvider services, DurableTaskShimFactory shimFactory, ILogger logger)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new InvalidOperationException("Activities are registered through the Durable Task worker builder (AddTasks).");

    public TaskActivity? GetObject(string name, string? version)
    {
        var taskName = new TaskName(name);
        if (factory.TryCreateActivity(taskName, services, out ITaskActivity? activity) && activity is not null)
        {
            return shimFactory.CreateActivity(taskName, activity);
        }

        logger.UnknownActivity(name);

        // DurableTask.Core fails the calling orchestration's task with a "not found" error when none is returned.
        return null;
    }
}
