namespace CallFlows.Testing.Orchestrations;

/// <summary>What a <see cref="Delivery"/> carries.</summary>
internal enum DeliveryKind
{
    TaskResult,
    TimerFired,
    Event,
}
