namespace CallFlows.Testing.Orchestrations;

/// <summary>What became of an external event raised into the orchestration.</summary>
public enum EventDisposition
{
    /// <summary>A waiting <c>WaitForExternalEvent</c> received it.</summary>
    Delivered,

    /// <summary>No wait was pending (cancelled, timed-out waits do not count); it is buffered until a wait for its name starts.</summary>
    Buffered,
}
