namespace CallFlows.Emulator.Observability;

/// <summary>What happened to one delivery attempt.</summary>
public enum DeliveryOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>The attempt failed (connection error, timeout or non-2xx) and will be retried.</summary>
    WillRetry,

    /// <summary>The attempt failed and no more attempts will be made.</summary>
    GaveUp,

    /// <summary>An Event Grid IncomingCall stopped being retried because the call stopped ringing (Event Grid's time-to-live ran out).</summary>
    Expired,

    /// <summary>Fault injection dropped the event: it was never sent.</summary>
    Dropped,
}
