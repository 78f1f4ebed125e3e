namespace CallFlows.CallAutomation;

/// <summary>The result of <see cref="CallConnection.RemoveParticipantAsync(RemoveParticipantOptions, System.Threading.CancellationToken)"/>; the outcome arrives as <see cref="RemoveParticipantSucceeded"/> or <see cref="RemoveParticipantFailed"/>.</summary>
public sealed class RemoveParticipantResult
{
    /// <summary>The operation context echoed by the service.</summary>
    public string? OperationContext { get; init; }
}
