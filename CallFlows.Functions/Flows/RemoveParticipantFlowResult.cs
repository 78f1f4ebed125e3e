using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="RemoveParticipantFlow"/> ended.</summary>
public enum RemoveParticipantFlowResult
{
    /// <summary>The participant was removed.</summary>
    [FlowOutcome("The participant was removed.", Succeeded = true)]
    ParticipantRemoved = 0,

    /// <summary>The removal failed (see the result code).</summary>
    [FlowOutcome("The removal failed.")]
    RemoveFailed,

    /// <summary>The participant never joined the call.</summary>
    [FlowOutcome("The participant never joined the call.")]
    ParticipantNotInCall,

    /// <summary>The call ended first.</summary>
    [FlowOutcome("The call ended first.")]
    CallEnded,

    /// <summary>The call did not connect.</summary>
    [FlowOutcome("The call did not connect.")]
    NotConnected,
}
