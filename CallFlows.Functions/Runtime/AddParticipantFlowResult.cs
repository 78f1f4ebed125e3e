using CallFlows.CallAutomation;

namespace CallFlows.Functions.Runtime;

/// <summary>The outcome of <see cref="CallFlowCall.AddParticipantAsync"/>: the status plus the invitation to cancel it.</summary>
public sealed record AddParticipantFlowResult : CallFlowActionResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="result">The action outcome.</param>
    /// <param name="participant">The participant invited.</param>
    /// <param name="invitationId">The invitation id, when the request was accepted.</param>
    public AddParticipantFlowResult(CallFlowActionResult result, CommunicationIdentifier participant, string? invitationId)
        : base(result)
    {
        Participant = participant;
        InvitationId = invitationId;
    }

    /// <summary>The participant invited.</summary>
    public CommunicationIdentifier Participant { get; }

    /// <summary>The invitation id (pass it to <see cref="CallFlowCall.CancelAddParticipantAsync"/>); null when the request was refused.</summary>
    public string? InvitationId { get; }
}
