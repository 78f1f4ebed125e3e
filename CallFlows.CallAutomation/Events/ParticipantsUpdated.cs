namespace CallFlows.CallAutomation;

/// <summary>The roster changed; carries the full participant list (CloudEvent type <c>Microsoft.Communication.ParticipantsUpdated</c>).</summary>
public sealed class ParticipantsUpdated : CallAutomationEventBase
{
    private readonly IReadOnlyList<CallParticipant> _participants = [];

    /// <summary>Increases with each roster snapshot: keep the highest to drop stale ones.</summary>
    public int SequenceNumber { get; init; }

    /// <summary>The participants now in the call.</summary>
    public IReadOnlyList<CallParticipant> Participants
    {
        get => _participants;
        init => _participants = value ?? [];
    }
}
