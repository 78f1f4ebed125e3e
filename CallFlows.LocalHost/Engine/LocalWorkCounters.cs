using System.Collections.Concurrent;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// What this process did in the task hub since it started: orchestration instances its client created (the calls it
/// started from its webhook and start endpoint), orchestration episodes and distinct instances its worker executed, and
/// activities it ran. Served at <c>GET /admin/host/work</c> so a scale-out run can tell which process did what.
/// </summary>
internal sealed class LocalWorkCounters
{
    readonly ConcurrentDictionary<string, byte> instancesExecuted = new(StringComparer.Ordinal);
    long instancesCreated;
    long episodes;
    long activities;

    /// <summary>Gets how many orchestration instances this process's client created.</summary>
    public long InstancesCreated => Interlocked.Read(ref this.instancesCreated);

    /// <summary>Gets how many orchestration episodes (work items) this process's worker executed.</summary>
    public long OrchestrationEpisodes => Interlocked.Read(ref this.episodes);

    /// <summary>Gets how many distinct orchestration instances this process's worker executed at least one episode of.</summary>
    public int OrchestrationInstances => this.instancesExecuted.Count;

    /// <summary>Gets how many activities this process's worker executed.</summary>
    public long Activities => Interlocked.Read(ref this.activities);

    /// <summary>Counts an instance created by the client.</summary>
    public void InstanceCreated() => Interlocked.Increment(ref this.instancesCreated);

    /// <summary>Counts an orchestration episode of <paramref name="instanceId"/>.</summary>
    /// <param name="instanceId">The instance.</param>
    public void EpisodeExecuted(string instanceId)
    {
        Interlocked.Increment(ref this.episodes);
        this.instancesExecuted.TryAdd(instanceId, 0);
    }

    /// <summary>Counts an activity execution.</summary>
    public void ActivityExecuted() => Interlocked.Increment(ref this.activities);
}
