namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.HangUpForEveryone"/> ended.</summary>
public enum HangUpForEveryoneFlowResult
{
    /// <summary>The call was ended for everyone.</summary>
    EndedForEveryone = 0,

    /// <summary>Ending the call failed or was not confirmed (see the result code).</summary>
    HangUpFailed,

    /// <summary>The call ended before the flow ended it.</summary>
    CallEnded,

    /// <summary>The call did not connect.</summary>
    NotConnected,
}
