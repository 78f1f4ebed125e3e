namespace CallFlows.Testing.Orchestrations;

/// <summary>A custom status the orchestrator set (consecutive identical ones are recorded once).</summary>
/// <param name="At">The virtual time since the start at which it was set.</param>
/// <param name="SerializedStatus">The serialized status; null when it was cleared.</param>
public sealed record RecordedStatus(TimeSpan At, string? SerializedStatus)
{
    /// <summary>The status as a sentence.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"status {(SerializedStatus is null ? "cleared" : VirtualTime.Shorten(SerializedStatus))} at {VirtualTime.Format(At)}";
}
