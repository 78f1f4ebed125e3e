namespace CallFlows.CallAutomation;

/// <summary>Continuous DTMF recognition failed (CloudEvent type <c>Microsoft.Communication.ContinuousDtmfRecognitionToneFailed</c>).</summary>
public sealed class ContinuousDtmfRecognitionToneFailed : CallAutomationEventBase
{
}
