namespace CallFlows.CallAutomation;

/// <summary>The state of a call connection (wire <c>CallConnectionStateModel</c>). Unrecognized wire values read as <see cref="Unknown"/>.</summary>
public enum CallConnectionState
{
    /// <summary>Unknown state (wire <c>unknown</c>, or a value this client does not know).</summary>
    Unknown = 0,

    /// <summary>The call is being set up (wire <c>connecting</c>).</summary>
    Connecting,

    /// <summary>The call is established (wire <c>connected</c>).</summary>
    Connected,

    /// <summary>A transfer is in progress (wire <c>transferring</c>).</summary>
    Transferring,

    /// <summary>The transfer was accepted (wire <c>transferAccepted</c>).</summary>
    TransferAccepted,

    /// <summary>The call is ending (wire <c>disconnecting</c>).</summary>
    Disconnecting,

    /// <summary>The call has ended (wire <c>disconnected</c>).</summary>
    Disconnected,
}
