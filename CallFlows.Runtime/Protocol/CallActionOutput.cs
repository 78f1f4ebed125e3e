using System.ComponentModel;

namespace CallFlows.Runtime.Protocol;

/// <summary>
/// What every call-action activity returns: the failure as data when the request failed (a refusal, or an unavailable
/// service that the flow runtime retries with the same repeatability pair), else what the request produced (the call
/// connection of answer/create/connect, the invitation id of add-participant).
/// </summary>
/// <param name="Failure">The refusal; null when the request was accepted.</param>
/// <param name="Connection">For answer, create and connect: the new call connection.</param>
/// <param name="InvitationId">For add-participant: the invitation id.</param>
/// <param name="RecordingId">For start-recording: the recording id.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record CallActionOutput(CallActionFailure? Failure = null, CallConnectionInfo? Connection = null, string? InvitationId = null, string? RecordingId = null)
{
    /// <summary>
    /// Gets the operation context of the action this output answers (set for every activity by the runner; null in outputs
    /// recorded before it existed). After a crash an episode that scheduled an activity can be lost while the activity
    /// runs; the replay may schedule another action under the same task id, and the orphan's completion then arrives for
    /// it. The flow runtime compares this value with its action's and sends the action again when they differ.
    /// </summary>
    public string? OperationContext { get; init; }

    /// <summary>An accepted request with nothing to return.</summary>
    public static CallActionOutput Accepted { get; } = new();
}
