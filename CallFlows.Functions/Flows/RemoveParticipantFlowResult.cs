namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.RemoveParticipant"/> ended.</summary>
public enum RemoveParticipantFlowResult
{
    /// <summary>The participant was removed.</summary>
    ParticipantRemoved = 0,

    /// <summary>The removal failed (see the result code).</summary>
    RemoveFailed,

    /// <summary>The participant never joined the call.</summary>
    ParticipantNotInCall,

    /// <summary>The call ended first.</summary>
    CallEnded,

    /// <summary>The call did not connect.</summary>
    NotConnected,
}
