namespace CallFlows.Testing.Orchestrations;

/// <summary>How a durable timer ended.</summary>
public enum TimerOutcome
{
    /// <summary>It had not fired when the run ended.</summary>
    Pending,

    /// <summary>It fired.</summary>
    Fired,

    /// <summary>Its cancellation token was cancelled before it fired.</summary>
    Cancelled,
}
