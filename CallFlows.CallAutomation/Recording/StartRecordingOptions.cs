namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallRecording.StartAsync(StartRecordingOptions, System.Threading.CancellationToken)"/> (POST <c>/calling/recordings</c>).</summary>
public sealed class StartRecordingOptions
{
    /// <summary>Creates the options for a call found by its locator.</summary>
    /// <param name="callLocator">The call, usually a <see cref="ServerCallLocator"/> with the call's server call id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callLocator"/> is null.</exception>
    public StartRecordingOptions(CallLocator callLocator)
    {
        ArgumentNullException.ThrowIfNull(callLocator);
        CallLocator = callLocator;
    }

    /// <summary>Creates the options for a call found by its call connection id (wire <c>callConnectionId</c>).</summary>
    /// <param name="callConnectionId">The call connection id.</param>
    /// <exception cref="ArgumentException"><paramref name="callConnectionId"/> is null or empty.</exception>
    public StartRecordingOptions(string callConnectionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callConnectionId);
        CallConnectionId = callConnectionId;
    }

    /// <summary>The call's locator, or null when <see cref="CallConnectionId"/> is used.</summary>
    public CallLocator? CallLocator { get; }

    /// <summary>The call connection id, or null when <see cref="CallLocator"/> is used.</summary>
    public string? CallConnectionId { get; }

    /// <summary>Where <see cref="RecordingStateChanged"/> events are posted; null (the default) sends none.</summary>
    public Uri? RecordingStateCallbackUri { get; set; }

    /// <summary>What is recorded; null (the default) sends none (the service records audio).</summary>
    public RecordingContent? RecordingContent { get; set; }

    /// <summary>Mixed or one channel per participant; null (the default) sends none (mixed).</summary>
    public RecordingChannel? RecordingChannel { get; set; }

    /// <summary>The file format; null (the default) sends none.</summary>
    public RecordingFormat? RecordingFormat { get; set; }

    /// <summary>The order of participants over the channels of an unmixed recording; empty (the default) sends none.</summary>
    public IList<CommunicationIdentifier> AudioChannelParticipantOrdering { get; } = [];

    /// <summary>Channel pins of an unmixed recording; empty (the default) sends none.</summary>
    public IList<ChannelAffinity> ChannelAffinity { get; } = [];

    /// <summary>Starts paused (state <c>inactive</c>) until resumed; null (the default) sends none.</summary>
    public bool? PauseOnStart { get; set; }

    /// <summary>Your own storage for the file; null (the default) stores it in ACS.</summary>
    public RecordingStorage? ExternalStorage { get; set; }

    /// <summary>The idempotency pair to send; null (the default) makes the client create a fresh pair, reused across its own retries.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
