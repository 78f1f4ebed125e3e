namespace CallFlows.CallAutomation;

/// <summary>The result of <see cref="CallConnection.MoveParticipantsAsync(MoveParticipantsOptions, System.Threading.CancellationToken)"/>; the outcome arrives as <see cref="MoveParticipantSucceeded"/> or <see cref="MoveParticipantFailed"/>.</summary>
public sealed class MoveParticipantsResult
{
    private readonly IReadOnlyList<CallParticipant> _participants = [];

    /// <summary>The participants being moved.</summary>
    public IReadOnlyList<CallParticipant> Participants
    {
        get => _participants;
        init => _participants = value ?? [];
    }

    /// <summary>The operation context echoed by the service.</summary>
    public string? OperationContext { get; init; }

    /// <summary>The call connection id of the call the participants are moved from.</summary>
    public string? FromCall { get; init; }
}
