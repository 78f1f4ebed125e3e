namespace CallFlows.CallAutomation;

/// <summary>A play began (the first source is being heard) (CloudEvent type <c>Microsoft.Communication.PlayStarted</c>).</summary>
public sealed class PlayStarted : CallAutomationEventBase
{
}
