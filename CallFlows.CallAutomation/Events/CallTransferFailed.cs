namespace CallFlows.CallAutomation;

/// <summary>A transfer failed (CloudEvent type <c>Microsoft.Communication.CallTransferFailed</c>).</summary>
public sealed class CallTransferFailed : CallAutomationEventBase
{

}
