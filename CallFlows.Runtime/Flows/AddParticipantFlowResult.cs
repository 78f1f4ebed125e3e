using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>The outcome of <see cref="CallFlowCall.AddParticipantAsync"/>: the participant and the invitation id (to cancel a timed-out invitation).</summary>
public sealed record AddParticipantFlowResult : CallActionResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="result">How the action ended.</param>
    /// <param name="participant">Who was invited.</param>
    /// <param name="invitationId">The invitation id, when ACS accepted the request.</param>
    public AddParticipantFlowResult(CallActionResult result, CommunicationIdentifier participant, string? invitationId)
        : base(result?.Status ?? throw new ArgumentNullException(nameof(result)), result.Failure, result.Event)
    {
        Participant = participant;
        InvitationId = invitationId;
    }

    /// <summary>Who was invited.</summary>
    public CommunicationIdentifier Participant { get; }

    /// <summary>The invitation id, when ACS accepted the request (use it to cancel a timed-out invitation).</summary>
    public string? InvitationId { get; }
}
