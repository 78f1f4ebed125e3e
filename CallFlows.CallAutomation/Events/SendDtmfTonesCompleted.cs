namespace CallFlows.CallAutomation;

/// <summary>The tones were sent (CloudEvent type <c>Microsoft.Communication.SendDtmfTonesCompleted</c>).</summary>
public sealed class SendDtmfTonesCompleted : CallAutomationEventBase
{
}
