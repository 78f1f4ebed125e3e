namespace CallFlows.CallAutomation;

/// <summary>The call connection ended; no further events follow for it (CloudEvent type <c>Microsoft.Communication.CallDisconnected</c>).</summary>
public sealed class CallDisconnected : CallAutomationEventBase
{

}
