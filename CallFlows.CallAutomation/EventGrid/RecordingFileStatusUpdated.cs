namespace CallFlows.CallAutomation;

/// <summary>
/// A recording's files are ready (Event Grid event <c>Microsoft.Communication.RecordingFileStatusUpdated</c>, delivered to an
/// Event Grid subscription, not to the call's callback URI). Read it with <see cref="EventGridEventParser"/>.
/// </summary>
public sealed class RecordingFileStatusUpdated
{
    /// <summary>The Event Grid event id: unique per event, use it to drop duplicate deliveries.</summary>
    public required string EventId { get; init; }

    /// <summary>The Event Grid event time.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The event subject, <c>/recording/call/{callId}/serverCallId/{serverCallId}</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The recorded call's server call id, read from the subject.</summary>
    public string? ServerCallId { get; init; }

    /// <summary>The recording's files.</summary>
    public IReadOnlyList<RecordingChunk> RecordingChunks { get; init; } = [];

    /// <summary>When the recording started.</summary>
    public DateTimeOffset? RecordingStartTime { get; init; }

    /// <summary>How long the recording lasted.</summary>
    public TimeSpan? RecordingDuration { get; init; }

    /// <summary>What was recorded (<c>Audio</c> or <c>AudioVideo</c>), as sent.</summary>
    public string? RecordingContentType { get; init; }

    /// <summary>Mixed or unmixed, as sent.</summary>
    public string? RecordingChannelType { get; init; }

    /// <summary>The file format (<c>Wav</c>, <c>Mp3</c>, <c>Mp4</c>), as sent.</summary>
    public string? RecordingFormatType { get; init; }

    /// <summary>Why the recording session ended, e.g. <c>CallEnded</c>.</summary>
    public string? SessionEndReason { get; init; }
}
