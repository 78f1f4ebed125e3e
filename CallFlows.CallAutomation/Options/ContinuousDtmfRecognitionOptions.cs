namespace CallFlows.CallAutomation;

/// <summary>Options of starting or stopping continuous DTMF recognition (POST <c>:startContinuousDtmfRecognition</c> / <c>:stopContinuousDtmfRecognition</c>).</summary>
public sealed class ContinuousDtmfRecognitionOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="targetParticipant">Whose keys to report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    public ContinuousDtmfRecognitionOptions(CommunicationIdentifier targetParticipant)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        TargetParticipant = targetParticipant;
    }

    /// <summary>Whose keys to report.</summary>
    public CommunicationIdentifier TargetParticipant { get; }

    /// <summary>A value echoed in the events of this operation; null (the default) sends none.</summary>
    public string? OperationContext { get; set; }

    /// <summary>Where this operation's events go instead of the call's callback URI; null (the default) sends none.</summary>
    public Uri? OperationCallbackUri { get; set; }
}
