namespace CallFlows.Testing.Orchestrations;

/// <summary>The kinds of action an orchestrator schedules (what the replay check compares).</summary>
public enum ScheduledActionKind
{
    /// <summary>An activity call (each retry attempt is its own action).</summary>
    Activity,

    /// <summary>A durable timer (including the retry policy's delays).</summary>
    Timer,

    /// <summary>A sub-orchestration call.</summary>
    SubOrchestration,

    /// <summary>An event sent to an orchestration instance.</summary>
    SendEvent,

    /// <summary>The orchestration continued as new.</summary>
    ContinueAsNew,
}
