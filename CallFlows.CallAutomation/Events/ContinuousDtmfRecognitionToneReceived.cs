namespace CallFlows.CallAutomation;

/// <summary>A key was pressed during continuous DTMF recognition (CloudEvent type <c>Microsoft.Communication.ContinuousDtmfRecognitionToneReceived</c>).</summary>
public sealed class ContinuousDtmfRecognitionToneReceived : CallAutomationEventBase
{
    /// <summary>The tone.</summary>
    public DtmfTone Tone { get; init; }

    /// <summary>Increases with each tone of the call: order by it, the events may arrive out of order.</summary>
    public int? SequenceId { get; init; }
}
