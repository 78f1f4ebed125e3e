namespace CallFlows.Runtime;

/// <summary>The outcome of <see cref="CallFlowCall.StartRecordingAsync"/>: the recording when ACS started it, else the refusal as data.</summary>
public sealed record StartRecordingFlowResult : CallActionResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="result">How the action ended.</param>
    /// <param name="recording">The recording, when started.</param>
    public StartRecordingFlowResult(CallActionResult result, CallFlowRecording? recording)
        : base(result?.Status ?? throw new ArgumentNullException(nameof(result)), result.Failure, result.Event)
    {
        Recording = recording;
    }

    /// <summary>The recording, when ACS started it.</summary>
    public CallFlowRecording? Recording { get; }
}
