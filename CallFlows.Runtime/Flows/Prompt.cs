namespace CallFlows.Runtime;

/// <summary>
/// What a flow plays to the call: text, SSML or an audio file. A plain serializable value (it travels in activity inputs
/// and replays identically), built with <see cref="Text"/>, <see cref="Ssml"/> or <see cref="File(string)"/>.
/// </summary>
/// <param name="Kind">What the prompt plays.</param>
/// <param name="Value">The text, the SSML document, or the file URL.</param>
/// <param name="Voice">The text-to-speech voice name (e.g. <c>en-US-NancyNeural</c>); null leaves the service's default.</param>
/// <param name="Locale">The text's locale (e.g. <c>en-US</c>); null leaves the service's default.</param>
public sealed record Prompt(PromptKind Kind, string Value, string? Voice = null, string? Locale = null)
{
    /// <summary>Text spoken by text-to-speech.</summary>
    /// <param name="text">What to say.</param>
    /// <param name="voice">The voice name; null for the service's default.</param>
    /// <returns>The prompt.</returns>
    public static Prompt Text(string text, string? voice = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new Prompt(PromptKind.Text, text, voice);
    }

    /// <summary>An SSML document spoken by text-to-speech.</summary>
    /// <param name="ssml">The SSML (<c>&lt;speak&gt;...&lt;/speak&gt;</c>).</param>
    /// <returns>The prompt.</returns>
    public static Prompt Ssml(string ssml)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ssml);
        return new Prompt(PromptKind.Ssml, ssml);
    }

    /// <summary>An audio file at an absolute http(s) URL.</summary>
    /// <param name="url">The file's URL.</param>
    /// <returns>The prompt.</returns>
    /// <exception cref="ArgumentException">The URL is not absolute http(s).</exception>
    public static Prompt File(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
        }

        return new Prompt(PromptKind.File, uri.AbsoluteUri);
    }

    /// <summary>An audio file.</summary>
    /// <param name="url">The file's URL.</param>
    /// <returns>The prompt.</returns>
    public static Prompt File(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return File(url.AbsoluteUri);
    }

    /// <summary>Whether playing it needs Cognitive Services (text and SSML do).</summary>
    public bool NeedsSpeechService => Kind != PromptKind.File;

    /// <summary>A short description for timelines.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        PromptKind.File => "file " + Value,
        PromptKind.Ssml => "SSML",
        _ => "\"" + (Value.Length > 40 ? Value[..40] + "…" : Value) + "\"",
    };
}
