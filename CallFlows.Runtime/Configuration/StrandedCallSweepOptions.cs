namespace CallFlows.Runtime.Configuration;

/// <summary>
/// The timer-triggered sweep for stranded calls (configuration section <c>CallFlows:StrandedCallSweep</c>): calls still
/// connected although their instance was terminated or failed in a way the runtime could not catch. The schedule is the
/// app setting <c>CallFlows:StrandedCallSweep:Schedule</c> read by the timer trigger (NCRONTAB with seconds, or a TimeSpan;
/// every minute by default).
/// </summary>
public sealed class StrandedCallSweepOptions
{
    /// <summary>Whether the sweep runs; true by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How recently an instance must have become terminated or failed for the sweep to check its call; 15 minutes by
    /// default. The sweep runs every minute, so a stranded call is normally ended by the first run after the instance
    /// ended; the window lets later runs retry when ACS could not be reached.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The oldest instance creation time the sweep queries (the instance store filters on creation time); 4 hours by
    /// default. Set it above the longest call your flows allow.
    /// </summary>
    public TimeSpan MaxCallAge { get; set; } = TimeSpan.FromHours(4);
}
