using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Runtime.Actions;

/// <summary>
/// The index entry naming the flow that records a server call: an orchestration with a deterministic instance id
/// (<see cref="RecordingOwner.IndexInstanceId"/>) whose input is the owner, started by the flow as a sub-orchestration
/// when it starts its first recording of that call. It completes at once; the Event Grid webhook reads its input.
/// Durable, replay-safe, and needs no storage beyond the task hub's.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class RecordingOwnerIndex
{
    /// <summary>Records the owner (its input) and completes.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The owner's instance id.</returns>
    [Function(CallActionNames.RecordingOwner)]
    public static string Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetInput<RecordingOwner>()?.InstanceId ?? string.Empty;
    }
}
