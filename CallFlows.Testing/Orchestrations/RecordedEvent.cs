namespace CallFlows.Testing.Orchestrations;

/// <summary>One external event raised into a run.</summary>
public sealed class RecordedEvent
{
    internal RecordedEvent(int generation, string name, string? serializedPayload, TimeSpan raisedAt)
    {
        Generation = generation;
        Name = name;
        SerializedPayload = serializedPayload;
        RaisedAt = raisedAt;
    }

    /// <summary>The execution that received it.</summary>
    public int Generation { get; }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The serialized payload; null for none.</summary>
    public string? SerializedPayload { get; }

    /// <summary>The virtual time since the start at which it arrived.</summary>
    public TimeSpan RaisedAt { get; }

    /// <summary>What became of it.</summary>
    public EventDisposition Disposition { get; internal set; }

    /// <summary>The virtual time since the start at which a wait took it (later than <see cref="RaisedAt"/> when it was buffered).</summary>
    public TimeSpan? ReceivedAt { get; internal set; }

    /// <summary>The event as a sentence.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"event '{Name}' {VirtualTime.Shorten(SerializedPayload)} at {VirtualTime.Format(RaisedAt)}: "
        + Disposition switch
        {
            EventDisposition.Delivered => ReceivedAt == RaisedAt ? "delivered" : $"delivered at {VirtualTime.Format(ReceivedAt)}",
            _ => "buffered, never waited for",
        };
}
