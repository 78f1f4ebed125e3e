namespace CallFlows.CallAutomation;

/// <summary>A recognize ended without a usable result: initial silence (400/8510), inter-digit timeout (400/8532), no matching choice (400/8547), speech not recognized (400/8563) or prompt failure (500/8511) (CloudEvent type <c>Microsoft.Communication.RecognizeFailed</c>).</summary>
public sealed class RecognizeFailed : CallAutomationEventBase
{
    /// <summary>The index of the play source that failed, when the service reports it.</summary>
    public int? FailedPlaySourceIndex { get; init; }
}
