namespace CallFlows.CallAutomation;

/// <summary>Canceling an add-participant invitation failed (CloudEvent type <c>Microsoft.Communication.CancelAddParticipantFailed</c>).</summary>
public sealed class CancelAddParticipantFailed : CallAutomationEventBase
{
    /// <summary>The invitation id of the add operation.</summary>
    public string? InvitationId { get; init; }
}
