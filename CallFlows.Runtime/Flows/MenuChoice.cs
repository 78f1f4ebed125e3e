namespace CallFlows.Runtime;

/// <summary>One option of a <see cref="Menu"/>: its label (what the flow gets back), its key and the phrases that pick it.</summary>
/// <param name="Label">The label returned in <see cref="RecognizeResult.Choice"/>.</param>
/// <param name="Key">The DTMF key that picks it (<c>0-9</c>, <c>*</c>, <c>#</c>, <c>A-D</c>); null when only speech picks it.</param>
/// <param name="Phrases">Phrases that pick it by speech; empty for a keys-only menu.</param>
public sealed record MenuChoice(string Label, string? Key, IReadOnlyList<string> Phrases)
{
    /// <summary>A choice picked by a key.</summary>
    /// <param name="key">The key, e.g. <c>"1"</c>; it is also the label.</param>
    /// <returns>The choice.</returns>
    public static MenuChoice ForKey(string key) => new(key, key, []);
}
