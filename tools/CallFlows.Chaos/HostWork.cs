namespace CallFlows.Chaos;

/// <summary>What one host process did in the task hub (its <c>GET /admin/host/work</c>), counted since it started.</summary>
/// <param name="WorkerId">The process's worker id in the task hub.</param>
/// <param name="ProcessId">The process id.</param>
/// <param name="InstancesCreated">Orchestration instances its client created: the calls it started (webhook and start endpoint).</param>
/// <param name="OrchestrationEpisodes">Orchestration episodes its worker executed.</param>
/// <param name="OrchestrationInstances">Distinct orchestration instances its worker executed at least one episode of.</param>
/// <param name="Activities">Activities its worker executed.</param>
public sealed record HostWork(string WorkerId, int ProcessId, long InstancesCreated, long OrchestrationEpisodes, int OrchestrationInstances, long Activities);
