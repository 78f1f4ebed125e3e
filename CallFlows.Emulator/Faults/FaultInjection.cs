namespace CallFlows.Emulator.Faults;

/// <summary>
/// Fault injection for one emulator instance: failed and slow REST responses, delayed, duplicated, reordered and dropped
/// callback events. Random choices use one <see cref="Random"/> seeded from <see cref="AcsEmulatorOptions.FaultSeed"/> so a
/// run is repeatable. All settings can change while the emulator runs; <see cref="Reset"/> turns everything off.
/// </summary>
public sealed class FaultInjection
{
    private readonly object _gate = new();
    private readonly EventTypeSet _affectedEventTypes = new();
    private readonly EventTypeSet _holdUntilCallEnds = new();
    private readonly Random _random;
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _restFailures = new();

    internal FaultInjection(int seed) => _random = new Random(seed);

    /// <summary>Extra latency added to every <c>/calling</c> REST response. Default zero.</summary>
    public TimeSpan RestResponseDelay { get; set; }

    /// <summary>Probability (0..1) that a callback event is held back by <see cref="CallbackDelay"/> before delivery. Default 0.</summary>
    public double CallbackDelayProbability { get; set; }

    /// <summary>How long a delayed callback is held back. Default 1 s.</summary>
    public TimeSpan CallbackDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Probability (0..1) that a callback event is delivered twice (same CloudEvent id). Default 0.</summary>
    public double DuplicateProbability { get; set; }

    /// <summary>Probability (0..1) that a callback event is never delivered (logged as <c>Dropped</c>). Default 0.</summary>
    public double DropProbability { get; set; }

    /// <summary>
    /// Probability (0..1) that a callback event swaps places with the next event of the same call. CallDisconnected is never
    /// moved and nothing is moved behind it, so "nothing after CallDisconnected" still holds. Default 0.
    /// </summary>
    public double ReorderProbability { get; set; }

    /// <summary>
    /// When non-empty, the callback faults above apply only to these event names (e.g. <c>ParticipantsUpdated</c> or the full
    /// <c>Microsoft.Communication.ParticipantsUpdated</c>). Default empty: all events.
    /// </summary>
    public ICollection<string> AffectedEventTypes => _affectedEventTypes;

    /// <summary>
    /// Event names (e.g. <c>CallConnected</c>) held back per call until that call's <c>CallDisconnected</c> has been
    /// delivered, then delivered after it in their original order: the order a webhook sees when its host was down while
    /// a short call connected and ended, and ACS's retries of the earlier events land after the last one. This is the one
    /// fault that moves events behind <c>CallDisconnected</c>. Applies to every call whatever
    /// <see cref="AffectedEventTypes"/> says. Default empty: nothing is held.
    /// </summary>
    public ICollection<string> HoldUntilCallEnds => _holdUntilCallEnds;

    /// <summary>The number of REST failures still queued by <see cref="FailNextRequests"/>.</summary>
    public int PendingRestFailures
    {
        get
        {
            lock (_gate)
            {
                return _restFailures.Count;
            }
        }
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> authenticated <c>/calling</c> requests fail with <paramref name="status"/>
    /// (e.g. 429, 500, 503) without executing anything, with a <c>Retry-After</c> header when <paramref name="retryAfter"/> is set.
    /// </summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="status">The status code to answer.</param>
    /// <param name="retryAfter">The Retry-After value (whole seconds on the wire); null for none.</param>
    public void FailNextRequests(int count, int status, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _restFailures.Enqueue((status, retryAfter));
            }
        }
    }

    /// <summary>Turns every fault off and clears queued REST failures.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _restFailures.Clear();
            RestResponseDelay = TimeSpan.Zero;
            CallbackDelayProbability = DuplicateProbability = DropProbability = ReorderProbability = 0;
            AffectedEventTypes.Clear();
            HoldUntilCallEnds.Clear();
        }
    }

    internal bool HoldsUntilCallEnds(string eventName) => _holdUntilCallEnds.Names(eventName);

    internal bool TryTakeRestFailure(out int status, out TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            if (_restFailures.TryDequeue(out var failure))
            {
                (status, retryAfter) = failure;
                return true;
            }
        }

        (status, retryAfter) = (0, null);
        return false;
    }

    internal CallbackFaultDecision Decide(string eventName)
    {
        lock (_gate)
        {
            if (_affectedEventTypes.Count > 0 && !_affectedEventTypes.Names(eventName))
            {
                return default;
            }

            return new CallbackFaultDecision(
                Drop: Roll(DropProbability),
                Duplicate: Roll(DuplicateProbability),
                Reorder: Roll(ReorderProbability),
                Delay: Roll(CallbackDelayProbability) ? CallbackDelay : TimeSpan.Zero);
        }
    }

    private bool Roll(double probability) => probability > 0 && (probability >= 1 || _random.NextDouble() < probability);
}

/// <summary>The faults chosen for one callback event.</summary>
internal readonly record struct CallbackFaultDecision(bool Drop, bool Duplicate, bool Reorder, TimeSpan Delay);
