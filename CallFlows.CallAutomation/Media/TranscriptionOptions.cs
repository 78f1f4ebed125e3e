namespace CallFlows.CallAutomation;

/// <summary>Streams a live transcription to a WebSocket (wire <c>transcriptionOptions</c>, transport <c>websocket</c>).</summary>
public sealed class TranscriptionOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="transportUri">The <c>wss://</c> URL the transcription is streamed to.</param>
    /// <param name="locale">The spoken locale, e.g. <c>en-US</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transportUri"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="locale"/> is null or empty.</exception>
    public TranscriptionOptions(Uri transportUri, string locale)
    {
        ArgumentNullException.ThrowIfNull(transportUri);
        ArgumentException.ThrowIfNullOrEmpty(locale);
        TransportUri = transportUri;
        Locale = locale;
    }

    /// <summary>The URL the transcription is streamed to.</summary>
    public Uri TransportUri { get; }

    /// <summary>The spoken locale.</summary>
    public string Locale { get; }

    /// <summary>The transport; <see cref="StreamingTransport.Websocket"/> (the default and only documented value).</summary>
    public StreamingTransport Transport { get; set; } = StreamingTransport.Websocket;

    /// <summary>A custom speech model endpoint id; null (the default) sends none.</summary>
    public string? SpeechModelEndpointId { get; set; }

    /// <summary>Start transcribing as soon as the call connects; null (the default) sends none.</summary>
    public bool? StartTranscription { get; set; }

    /// <summary>Sends intermediate (not final) results too; null (the default) sends none.</summary>
    public bool? EnableIntermediateResults { get; set; }
}
