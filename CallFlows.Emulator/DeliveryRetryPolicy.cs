namespace CallFlows.Emulator;

/// <summary>
/// How the emulator retries a delivery that failed (connection error, timeout, 5xx, 429, and for Event Grid any non-2xx
/// except the codes Event Grid drops at once): the delays of <see cref="Schedule"/> when it is set, otherwise exponential
/// backoff from <see cref="InitialDelay"/> capped at <see cref="MaxDelay"/>; at most <see cref="MaxAttempts"/> posts and,
/// when <see cref="TimeToLive"/> is set, no attempt later than that after the event was published.
/// </summary>
/// <remarks>
/// The real Call Automation callback retry policy is not documented (PROTOCOL.md §10); <see cref="CallbackDefault"/> is an
/// assumption chosen so a flow can be tested against transient failures without slowing a test run.
/// <see cref="EventGridDefault"/> is Event Grid's documented schedule ("Event Grid message delivery and retry").
/// </remarks>
public sealed record DeliveryRetryPolicy
{
    /// <summary>Callback defaults: 4 attempts, 200 ms then doubling, at most 2 s apart.</summary>
    public static DeliveryRetryPolicy CallbackDefault { get; } = new();

    /// <summary>
    /// Event Grid's documented schedule and subscription defaults: retries after 10 s, 30 s, 1 min, 5 min, 10 min, 30 min,
    /// 1 h, 3 h, 6 h, then every 12 h; at most 30 attempts and a 24 h event time-to-live (whichever ends first); 30 s to
    /// answer each post. Event Grid's small random jitter is left out so runs repeat. Deliveries of an IncomingCall also
    /// stop once the call stops ringing.
    /// </summary>
    public static DeliveryRetryPolicy EventGridDefault { get; } = new()
    {
        MaxAttempts = 30,
        Schedule =
        [
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
            TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3),
            TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        ],
        TimeToLive = TimeSpan.FromHours(24),
        AttemptTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// A fast Event Grid schedule for tests that exercise retries without waiting for the real one: 8 attempts, 500 ms
    /// then doubling, at most 8 s apart; no time-to-live other than the call's ringing. Opt in explicitly: it makes an
    /// overloaded webhook look better than it would behind real Event Grid.
    /// </summary>
    public static DeliveryRetryPolicy EventGridFast { get; } = new() { MaxAttempts = 8, InitialDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(8) };

    /// <summary>Total posts per event including the first. Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Delay before the second attempt. Default 200 ms.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Factor applied to the delay after each failed attempt. Default 2.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>Upper bound for one delay. Default 2 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one HTTP post. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Fixed delays before the 2nd, 3rd... attempt; the last one repeats. Default <see langword="null"/>: exponential
    /// backoff from <see cref="InitialDelay"/> instead.
    /// </summary>
    public IReadOnlyList<TimeSpan>? Schedule { get; init; }

    /// <summary>
    /// How long after publishing an event it may still be delivered (Event Grid's <c>eventTimeToLiveInMinutes</c>); a retry
    /// that would start later is not made and the event is recorded as expired. Default <see langword="null"/>: no limit.
    /// </summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The delay to wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    /// <param name="attempt">The attempt that failed.</param>
    /// <returns>The delay before the next attempt.</returns>
    public TimeSpan DelayAfter(int attempt)
    {
        if (Schedule is { Count: > 0 } schedule)
        {
            return schedule[Math.Clamp(attempt - 1, 0, schedule.Count - 1)];
        }

        var ms = InitialDelay.TotalMilliseconds * Math.Pow(BackoffMultiplier, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }
}
