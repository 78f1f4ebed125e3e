namespace CallFlows.CallAutomation;

/// <summary>Putting a participant on hold failed, e.g. its hold music could not be played (CloudEvent type <c>Microsoft.Communication.HoldFailed</c>).</summary>
public sealed class HoldFailed : CallAutomationEventBase
{
}
