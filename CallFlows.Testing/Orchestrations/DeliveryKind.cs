namespace CallFlows.Testing.Orchestrations;

/// <summary>What a <see cref="Delivery"/> carries.</summary>
internal enum DeliveryKind
{
    TaskResult,
    TimerFired,
    Event,

    /// <summary>Scripted work (first run only): runs on the loop, may raise events; never delivered to the orchestrator.</summary>
    Work,
}
