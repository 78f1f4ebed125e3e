namespace CallFlows.Chaos;

/// <summary>What a chaos run does. Every property states its default.</summary>
public sealed class ChaosOptions
{
    /// <summary>Calls placed (a seeded mix of inbound routing outcomes and outbound flows). Default 100.</summary>
    public int Calls { get; set; } = 100;

    /// <summary>
    /// Host processes on the one task hub. Default 1. With more, a loopback balancer in front of them receives the Event
    /// Grid deliveries and the callbacks and spreads them round-robin; each kill picks a seeded host.
    /// </summary>
    public int Hosts { get; set; } = 1;

    /// <summary>SIGKILLs of the host process, each followed by a restart. Default 6.</summary>
    public int Kills { get; set; } = 6;

    /// <summary>Seed of the call mix, the placement jitter and the kill moments. Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Window over which the calls are placed (evenly, with seeded jitter); kills fall inside it. Default 60 s.</summary>
    public TimeSpan PlacementWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after the last call is placed every call must have finished (else it is stuck). Default 120 s.</summary>
    public TimeSpan Drain { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Minimum time the host stays up between a restart and the next kill. Default 3 s.</summary>
    public TimeSpan MinimumUptime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Where host logs go (one file per host run). Default <see langword="null"/>: a new temporary folder.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>The host processes' minimum log level (their logs go to <see cref="OutputDirectory"/>). Default Warning.</summary>
    public string HostLogLevel { get; set; } = "Warning";

    /// <summary>Write progress lines (kills, restarts, placements). Default <see langword="true"/>.</summary>
    public bool Verbose { get; set; } = true;
}
