using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="CancelAddParticipantFlow"/> ended.</summary>
public enum CancelAddParticipantFlowResult
{
    /// <summary>The pending invitation was cancelled.</summary>
    [FlowOutcome("The pending invitation was cancelled.", Succeeded = true)]
    InvitationCancelled = 0,

    /// <summary>The cancellation failed (see the result code).</summary>
    [FlowOutcome("The cancellation failed.")]
    CancelFailed,

    /// <summary>The participant answered before the invitation was cancelled.</summary>
    [FlowOutcome("The participant answered before the invitation was cancelled.")]
    ParticipantAnswered,

    /// <summary>The invitation failed before it could be cancelled (declined, busy, refused).</summary>
    [FlowOutcome("The invitation failed before it could be cancelled (declined, busy, refused).")]
    AddFailed,

    /// <summary>The call ended first.</summary>
    [FlowOutcome("The call ended first.")]
    CallEnded,

    /// <summary>The call did not connect.</summary>
    [FlowOutcome("The call did not connect.")]
    NotConnected,
}
