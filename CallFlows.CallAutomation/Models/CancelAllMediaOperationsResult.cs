namespace CallFlows.CallAutomation;

/// <summary>The accepted cancellation (202); canceled operations report <see cref="PlayCanceled"/> or <see cref="RecognizeCanceled"/>.</summary>
public sealed class CancelAllMediaOperationsResult
{
    /// <summary>The operation context the request carried, echoed by the service when it returns one.</summary>
    public string? OperationContext { get; init; }
}
