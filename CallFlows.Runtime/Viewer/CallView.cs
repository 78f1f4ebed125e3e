
namespace CallFlows.Runtime.Viewer;

/// <summary>
/// <c>GET /api/calls/{instanceId}</c>: the call's state (as before: status, outcome, failure) plus its complete
/// timeline of actions and events and its participants over time.
/// </summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Flow">The flow name.</param>
/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated, ...</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="Status">The flow's custom status: state, call, roster, last events and actions.</param>
/// <param name="Outcome">The outcome once the flow completed.</param>
/// <param name="Failure">The failure message when the instance failed.</param>
public sealed record CallView(
    string InstanceId,
    string Flow,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    CallFlowStatus? Status,
    CallFlowOutcome? Outcome,
    string? Failure)
{
    /// <summary>The caller (raw id), when the flow's input names one.</summary>
    public string? From { get; init; }

    /// <summary>The called party or targets (raw ids), when the input names them.</summary>
    public string? To { get; init; }

    /// <summary>Whether the flow still runs.</summary>
    public bool IsLive { get; init; }

    /// <summary>
    /// Whether <see cref="Timeline"/> is the whole history (read from the orchestration history); false when the
    /// backend keeps none and the timeline is the last entries of the custom status.
    /// </summary>
    public bool TimelineComplete { get; init; }

    /// <summary>Actions, events, timers and flow steps in time order.</summary>
    public IReadOnlyList<CallTimelineEntry> Timeline { get; init; } = [];

    /// <summary>The participants over time, oldest first.</summary>
    public IReadOnlyList<ParticipantsSnapshot> Participants { get; init; } = [];
}
