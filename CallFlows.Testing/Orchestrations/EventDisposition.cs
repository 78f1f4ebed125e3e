namespace CallFlows.Testing.Orchestrations;

/// <summary>What became of an external event raised into the orchestration.</summary>
public enum EventDisposition
{
    /// <summary>A waiting <c>WaitForExternalEvent</c> received it.</summary>
    Delivered,

    /// <summary>Nobody was waiting; it is buffered until a wait for its name starts.</summary>
    Buffered,

    /// <summary>
    /// The newest wait for its name had been cancelled (e.g. timed out) and took it anyway, so it was lost: this is what
    /// the real Durable Task worker does with a cancelled wait (see Azure/azure-functions-durable-extension#3255).
    /// </summary>
    LostToCancelledWait,
}
