namespace CallFlows.CallAutomation;

/// <summary>What to play (wire <c>PlaySource</c>): a <see cref="FileSource"/>, a <see cref="TextSource"/> or an <see cref="SsmlSource"/>.</summary>
public abstract class PlaySource
{
    /// <summary>Initializes the source.</summary>
    private protected PlaySource()
    {
    }

    /// <summary>An id under which the service may cache the rendered prompt; null (the default) sends none.</summary>
    public string? PlaySourceCacheId { get; set; }
}
