namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// Replayed against the history of its first run, the orchestrator scheduled different actions or ended differently:
/// on the real engine it would fail (or misbehave) when a replay diverges. The usual cause is <c>DateTime.Now</c>,
/// <c>Guid.NewGuid</c>, I/O or static state in orchestrator code.
/// </summary>
public sealed class NondeterministicOrchestrationException : OrchestrationTestException
{
    /// <summary>Creates the exception.</summary>
    public NondeterministicOrchestrationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Where the replay diverged.</param>
    public NondeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Where the replay diverged.</param>
    /// <param name="innerException">The cause.</param>
    public NondeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Where the replay diverged.</param>
    /// <param name="run">The first run.</param>
    /// <param name="expected">The action the first run scheduled at that point; null when it scheduled none.</param>
    /// <param name="actual">The action the replay scheduled; null when it scheduled none.</param>
    public NondeterministicOrchestrationException(string message, OrchestrationRun run, ScheduledAction? expected, ScheduledAction? actual)
        : base(message, run)
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The action the first run scheduled where the replay diverged; null when it scheduled none there.</summary>
    public ScheduledAction? Expected { get; }

    /// <summary>The action the replay scheduled instead; null when it scheduled none.</summary>
    public ScheduledAction? Actual { get; }
}
