namespace CallFlows.CallAutomation;

/// <summary>Answering an incoming call failed (CloudEvent type <c>Microsoft.Communication.AnswerFailed</c>).</summary>
public sealed class AnswerFailed : CallAutomationEventBase
{

}
