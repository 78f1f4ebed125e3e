using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The roster changed; carries the full participant list (CloudEvent type <c>Microsoft.Communication.ParticipantsUpdated</c>).</summary>
public sealed class ParticipantsUpdated : CallAutomationEventBase
{
    private readonly IReadOnlyList<CallParticipant> _participants = [];

    /// <summary>Increases with each roster snapshot: keep the highest to drop stale ones.</summary>
    public int SequenceNumber { get; init; }

    /// <summary>
    /// The participants now in the call. Required on the wire: the roster is the whole point of the event, and one read
    /// without it (missing, null, or with null entries) would say that everyone left, so such data is rejected as malformed.
    /// </summary>
    [JsonRequired]
    public IReadOnlyList<CallParticipant> Participants
    {
        get => _participants;
        init => _participants = value is null || value.Any(p => p is null)
            ? throw new JsonException("A ParticipantsUpdated event has no 'participants' array of participants.")
            : value;
    }
}
