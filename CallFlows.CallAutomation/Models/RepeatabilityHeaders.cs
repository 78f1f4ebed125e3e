namespace CallFlows.CallAutomation;

/// <summary>
/// The idempotency pair sent as <c>Repeatability-Request-ID</c> and <c>Repeatability-First-Sent</c> (OASIS Repeatable
/// Requests 1.0). Reuse the same instance when re-issuing an operation (for example from a retried durable activity)
/// so the service can recognize the repeat; the client's own retries always resend the same pair.
/// </summary>
public sealed class RepeatabilityHeaders
{
    /// <summary>Creates a repeatability pair.</summary>
    /// <param name="repeatabilityRequestId">The request id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="repeatabilityFirstSent">When the request was first sent.</param>
    /// <exception cref="ArgumentException"><paramref name="repeatabilityRequestId"/> is empty.</exception>
    public RepeatabilityHeaders(Guid repeatabilityRequestId, DateTimeOffset repeatabilityFirstSent)
    {
        if (repeatabilityRequestId == Guid.Empty)
        {
            throw new ArgumentException("The repeatability request id must not be empty.", nameof(repeatabilityRequestId));
        }

        RepeatabilityRequestId = repeatabilityRequestId;
        RepeatabilityFirstSent = repeatabilityFirstSent;
    }

    /// <summary>The request id (sent as a lower-case UUID).</summary>
    public Guid RepeatabilityRequestId { get; }

    /// <summary>When the request was first sent (sent as an IMF-fixdate, second precision, UTC).</summary>
    public DateTimeOffset RepeatabilityFirstSent { get; }

    /// <summary>Creates a fresh pair: a new random id and the current time of <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The new pair.</returns>
    public static RepeatabilityHeaders CreateNew(TimeProvider? timeProvider = null) =>
        new(Guid.NewGuid(), (timeProvider ?? TimeProvider.System).GetUtcNow());
}
