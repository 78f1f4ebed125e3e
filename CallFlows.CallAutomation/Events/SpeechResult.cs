namespace CallFlows.CallAutomation;

/// <summary>The speech a speech recognize heard (wire <c>speechResult</c>).</summary>
public sealed class SpeechResult
{
    /// <summary>The recognized text.</summary>
    public string? Speech { get; init; }

    /// <summary>The recognizer's confidence, 0 to 1.</summary>
    public double? Confidence { get; init; }
}
