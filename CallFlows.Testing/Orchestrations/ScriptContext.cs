using Microsoft.DurableTask;

namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// What scripted code (an activity handler, or work it scheduled) can do to the world around the orchestration: read
/// the virtual time, raise external events and schedule more work for later virtual times. A simulated service keeps
/// its state here: e.g. "the agent hangs up 30 s after joining" is work that decides at that time what ACS would send.
/// </summary>
public sealed class ScriptContext
{
    private readonly DataConverter _converter;
    private readonly List<(string Name, string? Payload, TimeSpan After)> _raised = [];
    private readonly List<(TimeSpan After, Action<ScriptContext> Work)> _scheduled = [];

    internal ScriptContext(DateTime currentUtcDateTime, TimeSpan elapsed, DataConverter converter)
    {
        CurrentUtcDateTime = currentUtcDateTime;
        Elapsed = elapsed;
        _converter = converter;
    }

    /// <summary>The virtual time now.</summary>
    public DateTime CurrentUtcDateTime { get; }

    /// <summary>The virtual time elapsed since the run started.</summary>
    public TimeSpan Elapsed { get; }

    internal IReadOnlyList<(string Name, string? Payload, TimeSpan After)> RaisedEvents => _raised;

    internal IReadOnlyList<(TimeSpan After, Action<ScriptContext> Work)> ScheduledWork => _scheduled;

    /// <summary>Raises an external event into the orchestration <paramref name="after"/> now (events due at the same time arrive in the order raised).</summary>
    /// <param name="name">The event name.</param>
    /// <param name="payload">The payload (serialized as on the real engine); null for none.</param>
    /// <param name="after">The virtual delay; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public void RaiseEvent(string name, object? payload, TimeSpan after)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero);
        _raised.Add((name, payload is null ? null : _converter.Serialize(payload), after));
    }

    /// <summary>Runs <paramref name="work"/> <paramref name="after"/> now, on the driver's loop (it keeps the run alive until then, unless the orchestration ends first).</summary>
    /// <param name="after">The virtual delay; zero or more.</param>
    /// <param name="work">What to do then.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public void Schedule(TimeSpan after, Action<ScriptContext> work)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(work);
        _scheduled.Add((after, work));
    }
}
