using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>
/// A connected call in a flow (answered, placed or joined): mid-call actions with typed results, waits over the
/// call's state, and its roster. Once the call ends, every pending and later action or wait throws
/// <see cref="CallEndedException"/> (except <see cref="HangUpAsync"/> and <see cref="WaitForEndAsync"/>, whose goal
/// it is), so a flow catches a hang-up once, at the top.
/// </summary>
public sealed partial class CallFlowCall
{
    private readonly CallFlowContext _flow;
    private IReadOnlyList<CallParticipant> _participants = [];
    private int? _rosterSequenceNumber;

    internal CallFlowCall(CallFlowContext flow, string callConnectionId, string? serverCallId, string? correlationId)
    {
        _flow = flow;
        CallConnectionId = callConnectionId;
        ServerCallId = serverCallId;
        CorrelationId = correlationId;
    }

    /// <summary>The call connection id.</summary>
    public string CallConnectionId { get; }

    /// <summary>The server call id, if reported.</summary>
    public string? ServerCallId { get; }

    /// <summary>The correlation id, if reported.</summary>
    public string? CorrelationId { get; }

    /// <summary>Whether the call is connected and has not ended.</summary>
    public bool IsConnected => IsEstablished && !HasEnded;

    /// <summary>Whether the call ended (<c>CallDisconnected</c> arrived, or ACS answered 404 for it).</summary>
    public bool HasEnded { get; private set; }

    /// <summary>The <c>CallDisconnected</c> event, once the call ended with one.</summary>
    public CallAutomationEventBase? EndedEvent { get; private set; }

    /// <summary>The current roster, from the <c>ParticipantsUpdated</c> snapshot with the highest sequence number.</summary>
    public IReadOnlyList<CallParticipant> Participants => _participants;

    internal bool IsEstablished { get; private set; }

    /// <summary>The sequence number of <see cref="Participants"/>; null before the first snapshot.</summary>
    internal int? RosterSequenceNumber => _rosterSequenceNumber;

    /// <summary>The call state shown in the custom status.</summary>
    internal string State => HasEnded ? "Disconnected" : IsEstablished ? "Connected" : "Connecting";

    /// <summary>Whether a participant is in the call (the latest roster holds them).</summary>
    /// <param name="participant">The participant.</param>
    /// <returns>True when the participant is in the roster.</returns>
    public bool Has(CommunicationIdentifier participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return _participants.Any(p => p.Identifier?.RawId == participant.RawId);
    }

    /// <summary>Invites a participant and waits for the outcome.</summary>
    /// <param name="participant">Whom to add (a phone number needs <see cref="AddParticipantFlowOptions.CallerId"/>).</param>
    /// <param name="options">Invitation timeout, caller id, headers, and the flow's own wait (30 s by default).</param>
    /// <returns>Succeeded; Failed (declined 603, busy 486, not answered 487/480: see <see cref="CallActionResult.Failure"/>); TimedOut (cancel it with the invitation id).</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The invitation timeout is outside 1–180 seconds.</exception>
    public async Task<AddParticipantFlowResult> AddParticipantAsync(CommunicationIdentifier participant, AddParticipantFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(participant);
        options ??= new AddParticipantFlowOptions();
        int? invitationSeconds = null;
        if (options.InvitationTimeout is { } invitation)
        {
            invitationSeconds = (int)Math.Ceiling(invitation.TotalSeconds);
            ArgumentOutOfRangeException.ThrowIfLessThan(invitationSeconds.Value, 1, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(invitationSeconds.Value, 180, nameof(options));
        }

        var (sip, voip) = CallActionMapping.Headers(options.CustomCallingContext);
        string? invitationId = null;
        var result = await _flow.RunActionAsync(CallActionNames.AddParticipant, this, "AddingParticipant",
            identity => new AddParticipantInput(identity, CallConnectionId, participant.RawId, options.CallerId?.RawId, options.DisplayName, invitationSeconds, sip, voip),
            nameof(AddParticipantSucceeded), nameof(AddParticipantFailed), options.Timeout, "Connected", output => invitationId = output.InvitationId);
        return new AddParticipantFlowResult(result, participant, invitationId);
    }

    /// <summary>Cancels a pending invitation and waits for the outcome.</summary>
    /// <param name="invitationId">The invitation id from <see cref="AddParticipantFlowResult.InvitationId"/>.</param>
    /// <param name="options">The wait for the outcome (30 s by default).</param>
    /// <returns>Succeeded, Failed (e.g. the participant already answered) or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> CancelAddParticipantAsync(string invitationId, CallActionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(invitationId);
        return _flow.RunActionAsync(CallActionNames.CancelAddParticipant, this, "CancellingAddParticipant",
            identity => new CancelAddParticipantInput(identity, CallConnectionId, invitationId),
            nameof(CancelAddParticipantSucceeded), nameof(CancelAddParticipantFailed), (options ?? new CallActionOptions()).Timeout, "Connected");
    }

    /// <summary>Transfers the call (or, in a group call, <see cref="TransferOptions.Transferee"/>) and waits until ACS accepts it.</summary>
    /// <param name="target">Where to transfer.</param>
    /// <param name="options">Transferee, caller id, headers, and the wait (30 s by default).</param>
    /// <returns>Succeeded (accepted; a 1:1 call then ends for the app), Failed or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended before the transfer was accepted.</exception>
    public Task<CallActionResult> TransferAsync(CommunicationIdentifier target, TransferOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= new TransferOptions();
        var (sip, voip) = CallActionMapping.Headers(options.CustomCallingContext);
        return _flow.RunActionAsync(CallActionNames.TransferCall, this, "Transferring",
            identity => new TransferCallInput(identity, CallConnectionId, target.RawId, options.Transferee?.RawId, options.CallerId?.RawId, sip, voip),
            nameof(CallTransferAccepted), nameof(CallTransferFailed), options.Timeout, "Connected", successEndsCall: options.Transferee is null);
    }

    /// <summary>Removes a participant and waits for the outcome.</summary>
    /// <param name="participant">The participant to remove.</param>
    /// <param name="options">The wait for the outcome (30 s by default).</param>
    /// <returns>Succeeded, Failed or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> RemoveParticipantAsync(CommunicationIdentifier participant, CallActionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return _flow.RunActionAsync(CallActionNames.RemoveParticipant, this, "RemovingParticipant",
            identity => new RemoveParticipantInput(identity, CallConnectionId, participant.RawId),
            nameof(RemoveParticipantSucceeded), nameof(RemoveParticipantFailed), (options ?? new CallActionOptions()).Timeout, "Connected");
    }

    /// <summary>Hangs up and waits for <c>CallDisconnected</c>. Never throws <see cref="CallEndedException"/>: an ended call is what it wants.</summary>
    /// <param name="forEveryone">True ends the call for everyone; false makes only the application leave.</param>
    /// <param name="options">The wait for <c>CallDisconnected</c> (30 s by default).</param>
    /// <returns>Succeeded when the call is gone (also when it already was), Failed when ACS refused, TimedOut when no <c>CallDisconnected</c> came.</returns>
    public Task<CallActionResult> HangUpAsync(bool forEveryone, CallActionOptions? options = null) =>
        _flow.HangUpAsync(this, forEveryone, (options ?? new CallActionOptions()).Timeout);

    /// <summary>Waits until a condition over the call's state holds (the roster, <see cref="Has"/>), checked after every event.</summary>
    /// <param name="condition">The condition; it must only read state (no I/O, no time).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when the condition holds; false when the timeout passed first.</returns>
    /// <exception cref="CallEndedException">The call ended before the condition held.</exception>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition())
        {
            return true;
        }

        ThrowIfEnded();
        return (await _flow.WaitForConditionAsync(this, condition, timeout)) switch
        {
            WaitKind.Done => true,
            WaitKind.Ended => throw EndedException(),
            _ => false,
        };
    }

    /// <summary>Waits until a participant is in the call.</summary>
    /// <param name="participant">The participant.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when the participant is in the roster; false on timeout.</returns>
    /// <exception cref="CallEndedException">The call ended first.</exception>
    public Task<bool> WaitForParticipantAsync(CommunicationIdentifier participant, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return WaitUntilAsync(() => Has(participant), timeout);
    }

    /// <summary>Waits until a participant has left the call.</summary>
    /// <param name="participant">The participant.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when the participant is no longer in the roster; false on timeout.</returns>
    /// <exception cref="CallEndedException">The call ended first.</exception>
    public Task<bool> WaitForParticipantToLeaveAsync(CommunicationIdentifier participant, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return WaitUntilAsync(() => !Has(participant), timeout);
    }

    /// <summary>Waits until the call ends. Never throws <see cref="CallEndedException"/>: the end is what it waits for.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when the call ended; false when the timeout passed first.</returns>
    public async Task<bool> WaitForEndAsync(TimeSpan timeout) =>
        HasEnded || (await _flow.WaitForConditionAsync(this, () => false, timeout)) == WaitKind.Ended;

    internal void ThrowIfEnded()
    {
        if (HasEnded)
        {
            throw EndedException();
        }
    }

    internal CallEndedException EndedException() => new(CallConnectionId, EndedEvent);

    internal void MarkConnected() => IsEstablished = true;

    internal void ApplyRoster(ParticipantsUpdated roster)
    {
        // Snapshots can arrive out of order: keep the newest.
        if (_rosterSequenceNumber is { } current && roster.SequenceNumber <= current)
        {
            return;
        }

        _rosterSequenceNumber = roster.SequenceNumber;
        _participants = roster.Participants;
    }

    internal void MarkEnded(CallAutomationEventBase? disconnected)
    {
        HasEnded = true;
        EndedEvent ??= disconnected;
    }
}
