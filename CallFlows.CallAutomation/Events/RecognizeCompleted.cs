namespace CallFlows.CallAutomation;

/// <summary>
/// A recognize succeeded (CloudEvent type <c>Microsoft.Communication.RecognizeCompleted</c>): max digits received (200/8531),
/// stop tone (200/8514), DTMF choice matched (200/8533), speech choice matched (200/8545) or speech recognized (200/8569).
/// Exactly one of the result properties is set, as <see cref="RecognitionType"/> says.
/// </summary>
public sealed class RecognizeCompleted : CallAutomationEventBase
{
    /// <summary>How the recognize was satisfied.</summary>
    public RecognitionType RecognitionType { get; init; }

    /// <summary>The collected tones, for <see cref="RecognitionType.Dtmf"/>.</summary>
    public DtmfResult? DtmfResult { get; init; }

    /// <summary>The matched choice, for <see cref="RecognitionType.Choices"/>.</summary>
    public ChoiceResult? ChoiceResult { get; init; }

    /// <summary>The recognized speech, for <see cref="RecognitionType.Speech"/>.</summary>
    public SpeechResult? SpeechResult { get; init; }
}
