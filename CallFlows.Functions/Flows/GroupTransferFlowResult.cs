using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="GroupTransferFlow"/> ended.</summary>
public enum GroupTransferFlowResult
{
    /// <summary>The transferee was transferred to the target.</summary>
    [FlowOutcome("The transferee was transferred to the target.", Succeeded = true)]
    TransferAccepted = 0,

    /// <summary>The transfer failed (see the result code).</summary>
    [FlowOutcome("The transfer failed.")]
    TransferFailed,

    /// <summary>No transfer outcome arrived in time.</summary>
    [FlowOutcome("No transfer outcome arrived in time.")]
    TransferTimedOut,

    /// <summary>The transferee never joined the group call.</summary>
    [FlowOutcome("The transferee never joined the group call.")]
    TransfereeNotInCall,

    /// <summary>The call ended before the transfer completed.</summary>
    [FlowOutcome("The call ended before the transfer completed.")]
    CallEnded,

    /// <summary>The group call did not connect.</summary>
    [FlowOutcome("The group call did not connect.")]
    NotConnected,
}
