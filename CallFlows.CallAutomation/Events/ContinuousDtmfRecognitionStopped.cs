namespace CallFlows.CallAutomation;

/// <summary>Continuous DTMF recognition stopped (CloudEvent type <c>Microsoft.Communication.ContinuousDtmfRecognitionStopped</c>).</summary>
public sealed class ContinuousDtmfRecognitionStopped : CallAutomationEventBase
{
}
