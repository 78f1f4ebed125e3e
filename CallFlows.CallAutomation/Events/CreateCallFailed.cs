namespace CallFlows.CallAutomation;

/// <summary>An outbound call could not be established (CloudEvent type <c>Microsoft.Communication.CreateCallFailed</c>).</summary>
public sealed class CreateCallFailed : CallAutomationEventBase
{

}
