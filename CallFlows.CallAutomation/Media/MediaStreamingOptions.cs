namespace CallFlows.CallAutomation;

/// <summary>Streams the call's audio to a WebSocket (wire <c>mediaStreamingOptions</c>, transport <c>websocket</c>).</summary>
public sealed class MediaStreamingOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="transportUri">The <c>wss://</c> URL the audio is streamed to.</param>
    /// <param name="audioChannel">Mixed or one channel per participant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transportUri"/> is null.</exception>
    public MediaStreamingOptions(Uri transportUri, MediaStreamingAudioChannel audioChannel)
    {
        ArgumentNullException.ThrowIfNull(transportUri);
        TransportUri = transportUri;
        AudioChannel = audioChannel;
    }

    /// <summary>The URL the audio is streamed to.</summary>
    public Uri TransportUri { get; }

    /// <summary>Mixed or unmixed audio.</summary>
    public MediaStreamingAudioChannel AudioChannel { get; }

    /// <summary>The transport; <see cref="StreamingTransport.Websocket"/> (the default and only documented value).</summary>
    public StreamingTransport Transport { get; set; } = StreamingTransport.Websocket;

    /// <summary>What is streamed; null (the default) sends none (the service streams audio).</summary>
    public MediaStreamingContent? Content { get; set; }

    /// <summary>Start streaming as soon as the call connects; null (the default) sends none (the service waits for a start request).</summary>
    public bool? StartMediaStreaming { get; set; }

    /// <summary>Lets the application send audio back over the socket; null (the default) sends none.</summary>
    public bool? EnableBidirectional { get; set; }

    /// <summary>The audio format; null (the default) sends none.</summary>
    public AudioFormat? AudioFormat { get; set; }

    /// <summary>Streams DTMF tones too; null (the default) sends none.</summary>
    public bool? EnableDtmfTones { get; set; }
}
