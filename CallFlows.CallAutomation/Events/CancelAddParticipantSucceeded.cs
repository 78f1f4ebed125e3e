namespace CallFlows.CallAutomation;

/// <summary>A pending add-participant invitation was canceled (CloudEvent type <c>Microsoft.Communication.CancelAddParticipantSucceeded</c>).</summary>
public sealed class CancelAddParticipantSucceeded : CallAutomationEventBase
{
    /// <summary>The invitation id of the add operation.</summary>
    public string? InvitationId { get; init; }
}
