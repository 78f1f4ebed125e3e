namespace CallFlows.CallAutomation;

/// <summary>The call connection is established (CloudEvent type <c>Microsoft.Communication.CallConnected</c>).</summary>
public sealed class CallConnected : CallAutomationEventBase
{

}
