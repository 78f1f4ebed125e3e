namespace CallFlows.CallAutomation;

/// <summary>The result of <see cref="CallConnection.CancelAddParticipantOperationAsync(CancelAddParticipantOperationOptions, System.Threading.CancellationToken)"/>; the outcome arrives as <see cref="CancelAddParticipantSucceeded"/> or <see cref="CancelAddParticipantFailed"/>.</summary>
public sealed class CancelAddParticipantOperationResult
{
    /// <summary>The invitation id of the add operation being canceled.</summary>
    public string? InvitationId { get; init; }

    /// <summary>The operation context echoed by the service.</summary>
    public string? OperationContext { get; init; }
}
