namespace CallFlows.CallAutomation;

/// <summary>A recognize was canceled (400/8508) (CloudEvent type <c>Microsoft.Communication.RecognizeCanceled</c>).</summary>
public sealed class RecognizeCanceled : CallAutomationEventBase
{
}
