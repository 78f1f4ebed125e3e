namespace CallFlows.CallAutomation;

/// <summary>A play finished: every source was played (result 200/0) (CloudEvent type <c>Microsoft.Communication.PlayCompleted</c>).</summary>
public sealed class PlayCompleted : CallAutomationEventBase
{
}
