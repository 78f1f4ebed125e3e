namespace CallFlows.CallAutomation;

/// <summary>The result of <see cref="CallConnection.AddParticipantAsync(AddParticipantOptions, System.Threading.CancellationToken)"/>; the outcome arrives as <see cref="AddParticipantSucceeded"/> or <see cref="AddParticipantFailed"/>.</summary>
public sealed class AddParticipantResult
{
    /// <summary>The participant being added.</summary>
    public CallParticipant? Participant { get; init; }

    /// <summary>The operation context echoed by the service.</summary>
    public string? OperationContext { get; init; }

    /// <summary>The invitation id; pass it to <see cref="CallConnection.CancelAddParticipantOperationAsync(string, System.Threading.CancellationToken)"/> to cancel the invitation.</summary>
    public string? InvitationId { get; init; }
}
