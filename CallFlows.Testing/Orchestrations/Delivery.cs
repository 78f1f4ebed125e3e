using CoreFailureDetails = DurableTask.Core.FailureDetails;

namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// Something the driver hands to the orchestrator at a virtual time: an activity's result, a timer firing or an
/// external event. The first run's deliveries, in order, are the history a replay is checked against.
/// </summary>
internal sealed class Delivery
{
    public required DeliveryKind Kind { get; init; }

    public required int Generation { get; init; }

    public required TimeSpan Due { get; init; }

    /// <summary>The task the delivery completes (activities, sub-orchestrations, timers).</summary>
    public int TaskId { get; init; }

    /// <summary>The event name (events).</summary>
    public string? EventName { get; init; }

    /// <summary>The serialized output (activities) or payload (events).</summary>
    public string? Payload { get; init; }

    /// <summary>The failure (failed activities).</summary>
    public CoreFailureDetails? Failure { get; init; }

    /// <summary>The scripted work (work items).</summary>
    public Action<ScriptContext>? Work { get; init; }

    /// <summary>A cancelled timer is never delivered and keeps no run alive.</summary>
    public bool Cancelled { get; set; }
}
