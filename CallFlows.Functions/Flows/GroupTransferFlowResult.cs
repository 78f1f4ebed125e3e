namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.GroupTransfer"/> ended.</summary>
public enum GroupTransferFlowResult
{
    /// <summary>The transferee was transferred to the target.</summary>
    TransferAccepted = 0,

    /// <summary>The transfer failed (see the result code).</summary>
    TransferFailed,

    /// <summary>No transfer outcome arrived in time.</summary>
    TransferTimedOut,

    /// <summary>The transferee never joined the group call.</summary>
    TransfereeNotInCall,

    /// <summary>The call ended before the transfer completed.</summary>
    CallEnded,

    /// <summary>The group call did not connect.</summary>
    NotConnected,
}
