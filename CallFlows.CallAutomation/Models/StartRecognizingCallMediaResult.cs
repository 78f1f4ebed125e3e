namespace CallFlows.CallAutomation;

/// <summary>The accepted recognize (202); the outcome arrives as <see cref="RecognizeCompleted"/>, <see cref="RecognizeFailed"/> or <see cref="RecognizeCanceled"/>.</summary>
public sealed class StartRecognizingCallMediaResult
{
    /// <summary>The operation context the request carried, echoed by the service when it returns one.</summary>
    public string? OperationContext { get; init; }
}
