namespace CallFlows.LocalHost;

/// <summary>Which Durable Task backend the local host runs on.</summary>
public enum EngineKind
{
    /// <summary>The Azure Storage provider (Durable Functions' default backend) on Azurite or a real account: durable across process restarts.</summary>
    AzureStorage = 0,

    /// <summary>
    /// The Durable Task SDK's in-memory orchestration service: fast and needs no storage, but NOT durable (state is
    /// lost with the process), no history in the status API, and it runs at most one orchestration and one activity
    /// work item per processor at once. For tests that need no restart.
    /// </summary>
    InMemory = 1,
}
