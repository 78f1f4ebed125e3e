namespace CallFlows.Testing.Orchestrations;

/// <summary>One action the orchestrator scheduled, in order: what the real engine writes to history, and what a replay must repeat.</summary>
/// <param name="Generation">The execution it belongs to: 0, then one more after each continue-as-new.</param>
/// <param name="TaskId">The engine's task id (activities, timers, sub-orchestrations and sent events share one counter per execution).</param>
/// <param name="Kind">What was scheduled.</param>
/// <param name="Name">The activity, sub-orchestration or event name; empty for timers and continue-as-new.</param>
/// <param name="Detail">What identifies it beyond the name: the serialized input, the timer's fire time, the event's target and payload.</param>
/// <param name="At">The virtual time since the start of the run at which it was scheduled.</param>
public sealed record ScheduledAction(int Generation, int TaskId, ScheduledActionKind Kind, string Name, string? Detail, TimeSpan At)
{
    /// <summary>The action as a sentence, e.g. <c>activity 'AnswerCall' with input {...} at 00:00:00.050</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var at = VirtualTime.Format(At);
        return Kind switch
        {
            ScheduledActionKind.Activity => $"activity '{Name}' with input {Detail ?? "none"} at {at}",
            ScheduledActionKind.Timer => $"timer firing at {Detail} (scheduled at {at})",
            ScheduledActionKind.SubOrchestration => $"sub-orchestration '{Name}' with input {Detail ?? "none"} at {at}",
            ScheduledActionKind.SendEvent => $"event '{Name}' sent to {Detail} at {at}",
            _ => $"continue-as-new with input {Detail ?? "none"} at {at}",
        };
    }

    internal bool SameAs(ScheduledAction other) =>
        Kind == other.Kind && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Detail, other.Detail, StringComparison.Ordinal);
}
