namespace CallFlows.CallAutomation;

/// <summary>One choice of a choices recognize (wire <c>Choice</c>): a label, the phrases that select it and an optional tone.</summary>
public sealed class RecognitionChoice
{
    /// <summary>Creates the choice.</summary>
    /// <param name="label">The label reported in <see cref="ChoiceResult.Label"/>.</param>
    /// <param name="phrases">The phrases that select it (at least one).</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is null or empty, or there is no phrase.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="phrases"/> is null.</exception>
    public RecognitionChoice(string label, IEnumerable<string> phrases)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        ArgumentNullException.ThrowIfNull(phrases);
        Label = label;
        Phrases = phrases.ToList();
        if (Phrases.Count == 0)
        {
            throw new ArgumentException("A choice needs at least one phrase.", nameof(phrases));
        }
    }

    /// <summary>The label reported when this choice is selected.</summary>
    public string Label { get; }

    /// <summary>The phrases that select this choice.</summary>
    public IReadOnlyList<string> Phrases { get; }

    /// <summary>The key that selects this choice; null (the default) sends none (then speech only).</summary>
    public DtmfTone? Tone { get; set; }
}
