namespace CallFlows.Chaos;

/// <summary>What one host slot of a run did, summed over its process runs (a killed process counts until its last poll before the kill).</summary>
/// <param name="Slot">The slot (0-based; a restarted process takes its killed predecessor's slot, port and log name).</param>
/// <param name="ProcessIds">The processes that ran in the slot, in order.</param>
/// <param name="Kills">How many of them were SIGKILLed.</param>
/// <param name="CallsStarted">Orchestration instances created by the slot's webhook and start endpoint.</param>
/// <param name="OrchestrationEpisodes">Orchestration episodes its workers executed.</param>
/// <param name="OrchestrationInstances">Distinct instances per process run, summed (an instance moved by a kill counts in both processes).</param>
/// <param name="Activities">Activities its workers executed.</param>
/// <param name="Traffic">What the balancer sent to the slot (<see langword="null"/> with a single host and no balancer).</param>
public sealed record ChaosHostReport(
    int Slot,
    IReadOnlyList<int> ProcessIds,
    int Kills,
    long CallsStarted,
    long OrchestrationEpisodes,
    long OrchestrationInstances,
    long Activities,
    BalancerBackendStats? Traffic)
{
    /// <summary>Gets how many times the slot's counters were read.</summary>
    public long Readings { get; init; }

    /// <summary>Gets how many reads got no answer (process killed or restarting, or busy past the read's timeout).</summary>
    public long MissedReadings { get; init; }
}
