namespace CallFlows.LocalHost;

/// <summary>Where the Durable Task engine's tuning comes from.</summary>
public enum EngineSettingsSource
{
    /// <summary>
    /// The Functions app's <c>host.json</c> <c>extensions.durableTask</c> values, mapped onto the Azure Storage
    /// provider's settings as the Functions host does, plus the short partition lease of
    /// <see cref="LocalHostOptions.PartitionLeaseInterval"/>. Values absent from host.json keep the engine default.
    /// </summary>
    HostJson = 0,

    /// <summary>The Azure Storage provider's plain defaults (30 s queue polling ceiling, 30 s partition lease, ...): only the task hub, storage and worker id are set.</summary>
    EngineDefaults = 1,
}
