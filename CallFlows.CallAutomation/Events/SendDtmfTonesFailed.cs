namespace CallFlows.CallAutomation;

/// <summary>Sending the tones failed (CloudEvent type <c>Microsoft.Communication.SendDtmfTonesFailed</c>).</summary>
public sealed class SendDtmfTonesFailed : CallAutomationEventBase
{
}
