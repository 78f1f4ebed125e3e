namespace CallFlows.Testing.Orchestrations;

/// <summary>A run could not be completed as scripted: a missing handler, a limit reached, or (derived types) a stuck or non-deterministic orchestrator.</summary>
public class OrchestrationTestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationTestException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public OrchestrationTestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OrchestrationTestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the run so far.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="run">The run up to the failure.</param>
    public OrchestrationTestException(string message, OrchestrationRun? run)
        : base(message)
    {
        Run = run;
    }

    /// <summary>The run up to the point of failure, when there was one.</summary>
    public OrchestrationRun? Run { get; }
}
