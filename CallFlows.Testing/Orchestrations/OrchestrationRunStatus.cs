namespace CallFlows.Testing.Orchestrations;

/// <summary>How a run ended.</summary>
public enum OrchestrationRunStatus
{
    /// <summary>It had not ended (a partial run, carried by an <see cref="OrchestrationTestException"/>).</summary>
    Running,

    /// <summary>The orchestrator returned.</summary>
    Completed,

    /// <summary>The orchestrator threw (the instance would be Failed on the real engine).</summary>
    Failed,
}
