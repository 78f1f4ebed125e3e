using Microsoft.DurableTask;

namespace CallFlows.Testing.Orchestrations;

/// <summary>One activity (or sub-orchestration) attempt of a run: what was asked, when, and how it ended.</summary>
public sealed class RecordedActivity
{
    internal RecordedActivity(int generation, int taskId, string name, bool isSubOrchestration, int attempt, string? serializedInput, TimeSpan scheduledAt)
    {
        Generation = generation;
        TaskId = taskId;
        Name = name;
        IsSubOrchestration = isSubOrchestration;
        Attempt = attempt;
        SerializedInput = serializedInput;
        ScheduledAt = scheduledAt;
    }

    /// <summary>The execution it belongs to (0 until the first continue-as-new).</summary>
    public int Generation { get; }

    /// <summary>The engine's task id.</summary>
    public int TaskId { get; }

    /// <summary>The activity or sub-orchestration name.</summary>
    public string Name { get; }

    /// <summary>Whether it is a sub-orchestration.</summary>
    public bool IsSubOrchestration { get; }

    /// <summary>The attempt under its retry policy: 1 for the first.</summary>
    public int Attempt { get; }

    /// <summary>The serialized input; null for none.</summary>
    public string? SerializedInput { get; }

    /// <summary>The virtual time since the start at which it was scheduled.</summary>
    public TimeSpan ScheduledAt { get; }

    /// <summary>The virtual time since the start at which its result was delivered; null if it never was.</summary>
    public TimeSpan? CompletedAt { get; internal set; }

    /// <summary>The serialized output, when it succeeded.</summary>
    public string? SerializedOutput { get; internal set; }

    /// <summary>The failure, when it failed.</summary>
    public TaskFailureDetails? Failure { get; internal set; }

    /// <summary>The attempt as a sentence.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var kind = IsSubOrchestration ? "sub-orchestration" : "activity";
        var attempt = Attempt > 1 ? $" (attempt {Attempt})" : string.Empty;
        var outcome = CompletedAt is not { } done
            ? "never completed"
            : Failure is not null
                ? $"failed at {VirtualTime.Format(done)} with {Failure.ErrorType}: {Failure.ErrorMessage}"
                : $"completed at {VirtualTime.Format(done)}";
        return $"{kind} '{Name}'{attempt} scheduled at {VirtualTime.Format(ScheduledAt)}, {outcome}";
    }
}
