namespace CallFlows.Testing.Orchestrations;

/// <summary>One durable timer of a run.</summary>
public sealed class RecordedTimer
{
    internal RecordedTimer(int generation, int taskId, TimeSpan createdAt, TimeSpan fireAt)
    {
        Generation = generation;
        TaskId = taskId;
        CreatedAt = createdAt;
        FireAt = fireAt;
    }

    /// <summary>The execution it belongs to.</summary>
    public int Generation { get; }

    /// <summary>The engine's task id.</summary>
    public int TaskId { get; }

    /// <summary>The virtual time since the start at which it was created.</summary>
    public TimeSpan CreatedAt { get; }

    /// <summary>The virtual time since the start at which it is due.</summary>
    public TimeSpan FireAt { get; }

    /// <summary>How it ended.</summary>
    public TimerOutcome Outcome { get; internal set; }

    /// <summary>The virtual time since the start at which it fired or was cancelled.</summary>
    public TimeSpan? EndedAt { get; internal set; }

    /// <summary>The timer as a sentence.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"timer for {VirtualTime.Format(FireAt)} created at {VirtualTime.Format(CreatedAt)}: "
        + Outcome switch
        {
            TimerOutcome.Fired => "fired",
            TimerOutcome.Cancelled => $"cancelled at {VirtualTime.Format(EndedAt)}",
            _ => "still pending",
        };
}
