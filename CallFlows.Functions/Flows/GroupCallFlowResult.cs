namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.GroupCall"/> ended.</summary>
public enum GroupCallFlowResult
{
    /// <summary>The group call connected and ended on its own.</summary>
    EndedByParticipants = 0,

    /// <summary>The group call connected and the flow ended it at the maximum duration.</summary>
    EndedAtMaxDuration,

    /// <summary>The group call did not connect (see the result code).</summary>
    NotConnected,
}
