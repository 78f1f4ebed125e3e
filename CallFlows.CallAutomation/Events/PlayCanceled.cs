namespace CallFlows.CallAutomation;

/// <summary>A play was canceled by cancel-all-media-operations or an interrupting operation (400/8508) (CloudEvent type <c>Microsoft.Communication.PlayCanceled</c>).</summary>
public sealed class PlayCanceled : CallAutomationEventBase
{
}
