namespace CallFlows.CallAutomation;

/// <summary>The accepted play (202); the outcome arrives as <see cref="PlayStarted"/>, <see cref="PlayCompleted"/>, <see cref="PlayFailed"/> or <see cref="PlayCanceled"/>.</summary>
public sealed class PlayResult
{
    /// <summary>The operation context the request carried, echoed by the service when it returns one.</summary>
    public string? OperationContext { get; init; }
}
