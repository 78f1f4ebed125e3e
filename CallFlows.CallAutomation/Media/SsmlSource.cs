namespace CallFlows.CallAutomation;

/// <summary>SSML spoken by text-to-speech (wire kind <c>ssml</c>); needs a Cognitive Services endpoint on the call.</summary>
public sealed class SsmlSource : PlaySource
{
    /// <summary>Creates the source.</summary>
    /// <param name="ssmlText">The SSML document.</param>
    /// <exception cref="ArgumentException"><paramref name="ssmlText"/> is null or empty.</exception>
    public SsmlSource(string ssmlText)
    {
        ArgumentException.ThrowIfNullOrEmpty(ssmlText);
        SsmlText = ssmlText;
    }

    /// <summary>The SSML document.</summary>
    public string SsmlText { get; }

    /// <summary>A custom voice endpoint id; null (the default) sends none.</summary>
    public string? CustomVoiceEndpointId { get; set; }
}
