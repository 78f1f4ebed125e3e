namespace CallFlows.Testing.Orchestrations;

/// <summary>A run whose orchestrator returns <typeparamref name="TOutput"/>.</summary>
/// <typeparam name="TOutput">The orchestrator's output type.</typeparam>
public sealed class OrchestrationRun<TOutput> : OrchestrationRun
{
    internal OrchestrationRun(OrchestrationRun run, TOutput? output)
        : base(run)
    {
        Output = output;
    }

    /// <summary>The orchestrator's output (read back through the data converter, as a client would); default when it failed.</summary>
    public TOutput? Output { get; }
}
