namespace CallFlows.Runtime.Hosting;

/// <summary>The call view.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Flow">The flow name.</param>
/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated, ...</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="Status">The flow's custom status: state, call, roster, last events and actions.</param>
/// <param name="Outcome">The outcome once the flow completed.</param>
/// <param name="Failure">The failure message when the instance failed.</param>
public sealed record CallStatusResponse(
    string InstanceId,
    string Flow,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    CallFlowStatus? Status,
    CallFlowOutcome? Outcome,
    string? Failure);
