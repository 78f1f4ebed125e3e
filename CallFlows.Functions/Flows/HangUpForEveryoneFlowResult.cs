using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="HangUpForEveryoneFlow"/> ended.</summary>
public enum HangUpForEveryoneFlowResult
{
    /// <summary>The call was ended for everyone.</summary>
    [FlowOutcome("The call was ended for everyone.", Succeeded = true)]
    EndedForEveryone = 0,

    /// <summary>Ending the call failed or was not confirmed (see the result code).</summary>
    [FlowOutcome("Ending the call failed or was not confirmed.")]
    HangUpFailed,

    /// <summary>The call ended before the flow ended it.</summary>
    [FlowOutcome("The call ended before the flow ended it.")]
    CallEnded,

    /// <summary>The call did not connect.</summary>
    [FlowOutcome("The call did not connect.")]
    NotConnected,
}
