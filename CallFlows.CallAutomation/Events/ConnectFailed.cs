namespace CallFlows.CallAutomation;

/// <summary>Connecting to an existing call failed (CloudEvent type <c>Microsoft.Communication.ConnectFailed</c>).</summary>
public sealed class ConnectFailed : CallAutomationEventBase
{

}
