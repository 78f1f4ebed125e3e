namespace CallFlows.CallAutomation;

/// <summary>Text spoken by text-to-speech (wire kind <c>text</c>); needs a Cognitive Services endpoint on the call (<see cref="CallIntelligenceOptions"/>).</summary>
public sealed class TextSource : PlaySource
{
    /// <summary>Creates the source.</summary>
    /// <param name="text">The text to speak.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
    public TextSource(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Text = text;
    }

    /// <summary>Creates the source with a named voice.</summary>
    /// <param name="text">The text to speak.</param>
    /// <param name="voiceName">The voice, e.g. <c>en-US-NancyNeural</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
    public TextSource(string text, string voiceName)
        : this(text)
    {
        VoiceName = voiceName;
    }

    /// <summary>Creates the source with a locale and a voice kind.</summary>
    /// <param name="text">The text to speak.</param>
    /// <param name="sourceLocale">The locale, e.g. <c>en-US</c>.</param>
    /// <param name="voiceKind">The kind of voice.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or empty.</exception>
    public TextSource(string text, string sourceLocale, VoiceKind voiceKind)
        : this(text)
    {
        SourceLocale = sourceLocale;
        VoiceKind = voiceKind;
    }

    /// <summary>The text to speak.</summary>
    public string Text { get; }

    /// <summary>The locale (wire <c>sourceLocale</c>); null (the default) sends none.</summary>
    public string? SourceLocale { get; set; }

    /// <summary>The kind of voice; null (the default) sends none.</summary>
    public VoiceKind? VoiceKind { get; set; }

    /// <summary>The voice name; null (the default) sends none.</summary>
    public string? VoiceName { get; set; }

    /// <summary>A custom voice endpoint id; null (the default) sends none.</summary>
    public string? CustomVoiceEndpointId { get; set; }
}
