namespace CallFlows.Runtime;

/// <summary>
/// The custom status of a flow instance, kept small (well under the 16 KB limit): the flow, the call, its roster,
/// the last events and actions, and the outcome once done. <c>GET /api/calls/{instanceId}</c> returns it.
/// </summary>
/// <param name="Flow">The flow name.</param>
/// <param name="State">What the flow is doing (e.g. <c>Answering</c>, <c>Connected</c>, <c>Completed</c>).</param>
/// <param name="CallConnectionId">The current call connection, if any.</param>
/// <param name="CallState">The current call's state (<c>Connecting</c>, <c>Connected</c>, <c>Disconnected</c>), if any.</param>
/// <param name="Participants">The current call's roster (raw ids).</param>
/// <param name="Events">The last callback events.</param>
/// <param name="Actions">The last actions.</param>
/// <param name="Outcome">The outcome once the flow ended.</param>
public sealed record CallFlowStatus(
    string Flow,
    string State,
    string? CallConnectionId,
    string? CallState,
    IReadOnlyList<string> Participants,
    IReadOnlyList<CallFlowTimelineEntry> Events,
    IReadOnlyList<CallFlowTimelineEntry> Actions,
    CallFlowOutcome? Outcome);
