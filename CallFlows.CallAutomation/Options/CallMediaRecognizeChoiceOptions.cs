namespace CallFlows.CallAutomation;

/// <summary>Recognizes one of several choices, by phrase or by tone (recognize input type <c>choices</c>); needs a Cognitive Services endpoint.</summary>
public sealed class CallMediaRecognizeChoiceOptions : CallMediaRecognizeOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Whose input to recognize.</param>
    /// <param name="choices">The choices (at least one).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="choices"/> is empty.</exception>
    public CallMediaRecognizeChoiceOptions(CommunicationIdentifier targetParticipant, IEnumerable<RecognitionChoice> choices)
        : base(RecognizeInputType.Choices, targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Choices = choices.ToList();
        if (Choices.Count == 0)
        {
            throw new ArgumentException("At least one choice is required.", nameof(choices));
        }
    }

    /// <summary>The choices.</summary>
    public IReadOnlyList<RecognitionChoice> Choices { get; }
}
