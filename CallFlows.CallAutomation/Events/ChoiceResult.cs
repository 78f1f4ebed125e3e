namespace CallFlows.CallAutomation;

/// <summary>The choice a choices recognize matched (wire <c>choiceResult</c>).</summary>
public sealed class ChoiceResult
{
    /// <summary>The matched choice's label.</summary>
    public string? Label { get; init; }

    /// <summary>The phrase heard, when the choice was spoken (null when selected by tone).</summary>
    public string? RecognizedPhrase { get; init; }

    /// <summary>The recognizer's confidence, 0 to 1, when spoken.</summary>
    public double? Confidence { get; init; }
}
