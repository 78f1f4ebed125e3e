using System.Globalization;
using System.Text;
using Microsoft.DurableTask;

namespace CallFlows.Testing.Orchestrations;

/// <summary>
/// The record of one run on virtual time: every action scheduled, activity invoked, timer, event and custom status,
/// in order with their virtual times, and how the orchestrator ended.
/// </summary>
public class OrchestrationRun
{
    private readonly List<ScheduledAction> _actions = [];
    private readonly List<RecordedActivity> _activities = [];
    private readonly List<RecordedTimer> _timers = [];
    private readonly List<RecordedEvent> _events = [];
    private readonly List<RecordedStatus> _statuses = [];

    internal OrchestrationRun(string name, string instanceId, DateTime startTime)
    {
        Name = name;
        InstanceId = instanceId;
        StartTime = startTime;
    }

    /// <summary>Copies a run (for the typed view of it).</summary>
    /// <param name="run">The run to copy.</param>
    protected OrchestrationRun(OrchestrationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Name = run.Name;
        InstanceId = run.InstanceId;
        StartTime = run.StartTime;
        _actions = run._actions;
        _activities = run._activities;
        _timers = run._timers;
        _events = run._events;
        _statuses = run._statuses;
        Status = run.Status;
        Elapsed = run.Elapsed;
        SerializedOutput = run.SerializedOutput;
        Exception = run.Exception;
        Failure = run.Failure;
        Generations = run.Generations;
        ReplayChecked = run.ReplayChecked;
    }

    /// <summary>The orchestrator name.</summary>
    public string Name { get; }

    /// <summary>The instance id the orchestrator saw.</summary>
    public string InstanceId { get; }

    /// <summary>The virtual time at which the run started (UTC).</summary>
    public DateTime StartTime { get; }

    /// <summary>How the run ended.</summary>
    public OrchestrationRunStatus Status { get; internal set; }

    /// <summary>The virtual time from the start to the end of the run.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>The serialized output, when the orchestrator returned.</summary>
    public string? SerializedOutput { get; internal set; }

    /// <summary>The exception the orchestrator threw, when it failed.</summary>
    public Exception? Exception { get; internal set; }

    /// <summary>The failure as the real engine would report it, when the orchestrator failed.</summary>
    public TaskFailureDetails? Failure { get; internal set; }

    /// <summary>How many executions ran: 1, plus one per continue-as-new.</summary>
    public int Generations { get; internal set; } = 1;

    /// <summary>Whether a replay against this run's history scheduled the same actions and ended the same way.</summary>
    public bool ReplayChecked { get; internal set; }

    /// <summary>Every action scheduled, in order.</summary>
    public IReadOnlyList<ScheduledAction> Actions => _actions;

    /// <summary>Every activity and sub-orchestration attempt, in the order scheduled.</summary>
    public IReadOnlyList<RecordedActivity> Activities => _activities;

    /// <summary>The activity names in the order invoked (one per attempt).</summary>
    public IReadOnlyList<string> ActivityNames => _activities.Where(a => !a.IsSubOrchestration).Select(a => a.Name).ToList();

    /// <summary>Every durable timer, in the order created.</summary>
    public IReadOnlyList<RecordedTimer> Timers => _timers;

    /// <summary>Every external event raised, in the order delivered.</summary>
    public IReadOnlyList<RecordedEvent> Events => _events;

    /// <summary>The custom statuses set, in order.</summary>
    public IReadOnlyList<RecordedStatus> CustomStatuses => _statuses;

    /// <summary>The last custom status set, serialized; null when none was set.</summary>
    public string? SerializedCustomStatus => _statuses.Count == 0 ? null : _statuses[^1].SerializedStatus;

    internal List<ScheduledAction> ActionList => _actions;

    internal List<RecordedActivity> ActivityList => _activities;

    internal List<RecordedTimer> TimerList => _timers;

    internal List<RecordedEvent> EventList => _events;

    internal List<RecordedStatus> StatusList => _statuses;

    /// <summary>The run as a timeline for people: one line per action, event and status change, then the ending.</summary>
    /// <returns>The timeline.</returns>
    public string Describe()
    {
        var lines = new List<(TimeSpan At, int Order, string Text)>();
        var order = 0;
        foreach (var activity in _activities)
        {
            lines.Add((activity.ScheduledAt, order++, activity.ToString()));
        }

        foreach (var timer in _timers)
        {
            lines.Add((timer.CreatedAt, order++, timer.ToString()));
        }

        foreach (var raised in _events)
        {
            lines.Add((raised.RaisedAt, order++, raised.ToString()));
        }

        foreach (var status in _statuses)
        {
            lines.Add((status.At, order++, status.ToString()));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Run of {Name} ({InstanceId}), {VirtualTime.Format(Elapsed)} of virtual time: ");
        text.AppendLine(Status switch
        {
            OrchestrationRunStatus.Completed => $"completed with {SerializedOutput ?? "no output"}.",
            OrchestrationRunStatus.Failed => $"failed with {Failure?.ErrorType}: {Failure?.ErrorMessage}",
            _ => "not finished.",
        });
        foreach (var line in lines.OrderBy(l => l.At).ThenBy(l => l.Order))
        {
            text.Append("  ").AppendLine(line.Text);
        }

        return text.ToString();
    }

    /// <summary>A one-line summary of the run.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Name} {Status.ToString().ToLowerInvariant()} after {VirtualTime.Format(Elapsed)} of virtual time, {_activities.Count} activity calls";
}
