namespace CallFlows.Emulator;

/// <summary>
/// How the emulator retries a delivery that failed (connection error, timeout, 5xx, 429, and for Event Grid any non-2xx):
/// exponential backoff from <see cref="InitialDelay"/>, capped at <see cref="MaxDelay"/>, at most <see cref="MaxAttempts"/> posts.
/// </summary>
/// <remarks>
/// The real Call Automation callback retry policy is not documented (PROTOCOL.md §10); the defaults here are an assumption
/// chosen so a flow can be tested against transient failures without slowing a test run.
/// </remarks>
public sealed record DeliveryRetryPolicy
{
    /// <summary>Callback defaults: 4 attempts, 200 ms then doubling, at most 2 s apart.</summary>
    public static DeliveryRetryPolicy CallbackDefault { get; } = new();

    /// <summary>
    /// Event Grid defaults, a scaled-down version of Event Grid's schedule (10 s, 30 s, 1 min...): 8 attempts, 500 ms then
    /// doubling, at most 8 s apart; deliveries of an IncomingCall also stop once the call stops ringing.
    /// </summary>
    public static DeliveryRetryPolicy EventGridDefault { get; } = new() { MaxAttempts = 8, InitialDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(8) };

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

    /// <summary>The delay to wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    /// <param name="attempt">The attempt that failed.</param>
    public TimeSpan DelayAfter(int attempt)
    {
        var ms = InitialDelay.TotalMilliseconds * Math.Pow(BackoffMultiplier, Math.Max(0, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
    }
}
