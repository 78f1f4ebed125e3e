namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// The orchestrator is blocked and nothing can ever wake it: no timer is pending, no activity result or event is
/// scheduled. On the real engine this instance would wait forever (a caller left on a silent line).
/// </summary>
public sealed class OrchestrationStuckException : OrchestrationTestException
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationStuckException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the orchestrator waits for.</param>
    public OrchestrationStuckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the orchestrator waits for.</param>
    /// <param name="innerException">The cause.</param>
    public OrchestrationStuckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the orchestrator waits for.</param>
    /// <param name="run">The run up to the point it got stuck.</param>
    /// <param name="waitingFor">The names of the external events it waits for (empty when it waits on something else).</param>
    public OrchestrationStuckException(string message, OrchestrationRun run, IReadOnlyList<string> waitingFor)
        : base(message, run)
    {
        WaitingFor = waitingFor;
    }

    /// <summary>The external event names the orchestrator waits for.</summary>
    public IReadOnlyList<string> WaitingFor { get; } = [];
}
