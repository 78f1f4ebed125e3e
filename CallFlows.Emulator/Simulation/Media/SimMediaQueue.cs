namespace CallFlows.Emulator.Simulation.Media;

/// <summary>
/// A connection's media operations: one runs at a time, the others wait in order (as the service queues plays and
/// recognizes); plus the participants under continuous DTMF recognition and its tone counter.
/// </summary>
internal sealed class SimMediaQueue
{
    public MediaOperation? Current { get; set; }

    public List<MediaOperation> Pending { get; } = [];

    public HashSet<string> ContinuousDtmfTargets { get; } = new(StringComparer.Ordinal);

    public int ToneSequence { get; set; }
}
