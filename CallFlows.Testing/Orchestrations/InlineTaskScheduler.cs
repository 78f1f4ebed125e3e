namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// Runs every task queued to it at once, on the thread that queued it, as Durable Task's orchestration scheduler does:
/// an orchestrator's continuations run inside the driver's loop, so a run is single-threaded and deterministic.
/// </summary>
/// <remarks>
/// A continuation queued from another thread means orchestrator code left the orchestration's scheduler (a
/// <c>Task.Delay</c>, <c>Task.Run</c>, I/O or <c>ConfigureAwait(false)</c> in a flow). It is not run: running it would race
/// the driver's loop. The driver reports it instead.
/// </remarks>
internal sealed class InlineTaskScheduler(int ownerThreadId, Action<Task> onForeignContinuation) : TaskScheduler
{
    protected override void QueueTask(Task task)
    {
        if (Environment.CurrentManagedThreadId != ownerThreadId)
        {
            onForeignContinuation(task);
            return;
        }

        TryExecuteTask(task);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Environment.CurrentManagedThreadId == ownerThreadId && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
