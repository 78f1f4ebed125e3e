namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.CancelAddParticipant"/> ended.</summary>
public enum CancelAddParticipantFlowResult
{
    /// <summary>The pending invitation was cancelled.</summary>
    InvitationCancelled = 0,

    /// <summary>The cancellation failed (see the result code).</summary>
    CancelFailed,

    /// <summary>The participant answered before the invitation was cancelled.</summary>
    ParticipantAnswered,

    /// <summary>The invitation failed before it could be cancelled (declined, busy, refused).</summary>
    AddFailed,

    /// <summary>The call ended first.</summary>
    CallEnded,

    /// <summary>The call did not connect.</summary>
    NotConnected,
}
