using CallFlows.CallAutomation;
using CallFlows.Functions.Actions;

namespace CallFlows.Functions.Runtime;

/// <summary>
/// A call in a flow (answered, placed or joined): mid-call actions that return typed results within a timeout,
/// the roster and the connection state. Get one from <see cref="CallFlow.AnswerAsync"/>,
/// <see cref="CallFlow.CreateCallAsync"/>, <see cref="CallFlow.CreateGroupCallAsync"/> or <see cref="CallFlow.ConnectAsync"/>.
/// </summary>
public sealed class CallFlowCall
{
    private readonly CallFlow _flow;
    private IReadOnlyList<CallParticipant> _participants = [];
    private int? _rosterSequenceNumber;

    internal CallFlowCall(CallFlow flow, string? callConnectionId, string? serverCallId, string? correlationId, CallFlowActionResult? connection)
    {
        _flow = flow;
        CallConnectionId = callConnectionId;
        ServerCallId = serverCallId;
        CorrelationId = correlationId;
        Connection = connection;
    }

    /// <summary>The call connection id; null when ACS refused to set up the call.</summary>
    public string? CallConnectionId { get; }

    /// <summary>The server call id, if reported.</summary>
    public string? ServerCallId { get; }

    /// <summary>The correlation id, if reported.</summary>
    public string? CorrelationId { get; }

    /// <summary>How setting up the call ended (Succeeded once <c>CallConnected</c> arrived); null while it is being set up.</summary>
    public CallFlowActionResult? Connection { get; private set; }

    /// <summary>Whether the call is connected and not yet disconnected.</summary>
    public bool IsConnected => Connection?.Succeeded == true && !IsDisconnected;

    /// <summary>Whether <c>CallDisconnected</c> arrived (or a hang-up found the call gone).</summary>
    public bool IsDisconnected { get; private set; }

    /// <summary>The <c>CallDisconnected</c> event, once the call ended.</summary>
    public CallAutomationEventBase? DisconnectedEvent { get; private set; }

    /// <summary>The current roster, from the <c>ParticipantsUpdated</c> snapshot with the highest sequence number.</summary>
    public IReadOnlyList<CallParticipant> Participants => _participants;

    /// <summary>The sequence number of <see cref="Participants"/>; null before the first snapshot.</summary>
    public int? RosterSequenceNumber => _rosterSequenceNumber;

    /// <summary>The call state shown in the custom status.</summary>
    internal string State => IsDisconnected ? "Disconnected" : Connection is null ? "Connecting" : Connection.Succeeded ? "Connected" : "NotConnected";

    /// <summary>Invites a participant and waits for the outcome.</summary>
    /// <param name="participant">Whom to add (a phone number needs <see cref="AddParticipantFlowOptions.CallerId"/>).</param>
    /// <param name="options">Invitation timeout, caller id, custom context; null for defaults.</param>
    /// <param name="timeout">How long the flow waits for <c>AddParticipantSucceeded</c>/<c>Failed</c>.</param>
    /// <returns>Succeeded, Failed (declined, busy, no answer: see the result code), TimedOut (cancel it with the invitation id) or CallDisconnected.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The invitation timeout is outside 1–180 seconds.</exception>
    public async Task<AddParticipantFlowResult> AddParticipantAsync(CommunicationIdentifier participant, AddParticipantFlowOptions? options, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(participant);
        int? invitationSeconds = null;
        if (options?.InvitationTimeout is { } invitation)
        {
            invitationSeconds = (int)Math.Ceiling(invitation.TotalSeconds);
            ArgumentOutOfRangeException.ThrowIfLessThan(invitationSeconds.Value, 1, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(invitationSeconds.Value, 180, nameof(options));
        }

        if (NotActive() is { } inactive)
        {
            return new AddParticipantFlowResult(inactive, participant, null);
        }

        var action = _flow.Begin(CallActionNames.AddParticipant, CallConnectionId, "AddingParticipant");
        var input = new AddParticipantInput(action.Identity, CallConnectionId!, participant.RawId, options?.CallerId?.RawId, options?.DisplayName,
            invitationSeconds, Copy(options?.CustomCallingContext.SipHeaders), Copy(options?.CustomCallingContext.VoipHeaders));
        var (output, failure) = await _flow.InvokeAsync<AddParticipantOutput>(action, CallActionNames.AddParticipant, input);
        if (failure is not null)
        {
            return new AddParticipantFlowResult(_flow.Finish(action, failure, "Connected"), participant, null);
        }

        var result = await _flow.AwaitOutcomeAsync(action, this, nameof(AddParticipantSucceeded), nameof(AddParticipantFailed), timeout, "Connected");
        return new AddParticipantFlowResult(result, participant, output?.InvitationId);
    }

    /// <summary>Cancels a pending add-participant invitation and waits for the outcome.</summary>
    /// <param name="invitationId">The invitation id from <see cref="AddParticipantFlowResult.InvitationId"/>.</param>
    /// <param name="timeout">How long to wait for <c>CancelAddParticipantSucceeded</c>/<c>Failed</c>.</param>
    /// <returns>Succeeded, Failed (e.g. the participant already answered), TimedOut or CallDisconnected.</returns>
    public async Task<CallFlowActionResult> CancelAddParticipantAsync(string invitationId, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(invitationId);
        if (NotActive() is { } inactive)
        {
            return inactive;
        }

        var action = _flow.Begin(CallActionNames.CancelAddParticipant, CallConnectionId, "CancellingAddParticipant");
        var (_, failure) = await _flow.InvokeAsync<string>(action, CallActionNames.CancelAddParticipant,
            new CancelAddParticipantInput(action.Identity, CallConnectionId!, invitationId));
        return failure is not null
            ? _flow.Finish(action, failure, "Connected")
            : await _flow.AwaitOutcomeAsync(action, this, nameof(CancelAddParticipantSucceeded), nameof(CancelAddParticipantFailed), timeout, "Connected");
    }

    /// <summary>Transfers the call (or, in a group call, <see cref="TransferFlowOptions.Transferee"/>) and waits for the outcome.</summary>
    /// <param name="target">Where to transfer.</param>
    /// <param name="options">Transferee, caller id, custom SIP/VoIP headers; null for none.</param>
    /// <param name="timeout">How long to wait for <c>CallTransferAccepted</c>/<c>Failed</c>.</param>
    /// <returns>Succeeded (accepted), Failed, TimedOut or CallDisconnected.</returns>
    public async Task<CallFlowActionResult> TransferAsync(CommunicationIdentifier target, TransferFlowOptions? options, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (NotActive() is { } inactive)
        {
            return inactive;
        }

        var action = _flow.Begin(CallActionNames.TransferCall, CallConnectionId, "Transferring");
        var input = new TransferCallInput(action.Identity, CallConnectionId!, target.RawId, options?.Transferee?.RawId, options?.CallerId?.RawId,
            Copy(options?.CustomCallingContext.SipHeaders), Copy(options?.CustomCallingContext.VoipHeaders));
        var (_, failure) = await _flow.InvokeAsync<string>(action, CallActionNames.TransferCall, input);
        return failure is not null
            ? _flow.Finish(action, failure, "Connected")
            : await _flow.AwaitOutcomeAsync(action, this, nameof(CallTransferAccepted), nameof(CallTransferFailed), timeout, "Connected");
    }

    /// <summary>Removes a participant and waits for the outcome.</summary>
    /// <param name="participant">The participant to remove.</param>
    /// <param name="timeout">How long to wait for <c>RemoveParticipantSucceeded</c>/<c>Failed</c>.</param>
    /// <returns>Succeeded, Failed, TimedOut or CallDisconnected.</returns>
    public async Task<CallFlowActionResult> RemoveParticipantAsync(CommunicationIdentifier participant, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (NotActive() is { } inactive)
        {
            return inactive;
        }

        var action = _flow.Begin(CallActionNames.RemoveParticipant, CallConnectionId, "RemovingParticipant");
        var (_, failure) = await _flow.InvokeAsync<string>(action, CallActionNames.RemoveParticipant,
            new RemoveParticipantInput(action.Identity, CallConnectionId!, participant.RawId));
        return failure is not null
            ? _flow.Finish(action, failure, "Connected")
            : await _flow.AwaitOutcomeAsync(action, this, nameof(RemoveParticipantSucceeded), nameof(RemoveParticipantFailed), timeout, "Connected");
    }

    /// <summary>Hangs up and waits for <c>CallDisconnected</c>.</summary>
    /// <param name="forEveryone">True ends the call for everyone; false makes only the application leave.</param>
    /// <param name="timeout">How long to wait for <c>CallDisconnected</c>.</param>
    /// <returns>Succeeded when the call is gone (also when it already was), Failed when ACS refused, TimedOut when no <c>CallDisconnected</c> came.</returns>
    public async Task<CallFlowActionResult> HangUpAsync(bool forEveryone, TimeSpan timeout)
    {
        if (CallConnectionId is null)
        {
            return new CallFlowActionResult(CallFlowActionStatus.Failed) { Message = "There is no call to hang up." };
        }

        if (IsDisconnected)
        {
            return new CallFlowActionResult(CallFlowActionStatus.Succeeded) { Event = DisconnectedEvent, Message = "The call had already ended." };
        }

        var action = _flow.Begin(CallActionNames.HangUp, CallConnectionId, "HangingUp");
        var (hungUp, failure) = await _flow.InvokeAsync<bool>(action, CallActionNames.HangUp, new HangUpInput(action.Identity, CallConnectionId, forEveryone));
        if (failure is not null)
        {
            return _flow.Finish(action, failure);
        }

        if (!hungUp)
        {
            // ACS answered 404: the call was already gone, so no CallDisconnected may come for it.
            MarkDisconnected(null);
            return _flow.Finish(action, new CallFlowActionResult(CallFlowActionStatus.Succeeded) { Message = "The call had already ended." }, "Disconnected");
        }

        var wait = await _flow.WaitAsync(null, null, this, timeout);
        var result = wait.Kind == WaitKind.Disconnected
            ? new CallFlowActionResult(CallFlowActionStatus.Succeeded) { Event = DisconnectedEvent }
            : new CallFlowActionResult(CallFlowActionStatus.TimedOut);
        return _flow.Finish(action, result, result.Succeeded ? "Disconnected" : null);
    }

    /// <summary>Lists the participants from the service (a snapshot; <see cref="Participants"/> is the event-driven roster).</summary>
    /// <returns>The participants, or an empty list when the call is not connected or ACS refused.</returns>
    public async Task<IReadOnlyList<ParticipantInfo>> GetParticipantsAsync()
    {
        if (CallConnectionId is null || IsDisconnected)
        {
            return [];
        }

        var action = _flow.Begin(CallActionNames.GetParticipants, CallConnectionId, "ListingParticipants");
        var (participants, failure) = await _flow.InvokeAsync<IReadOnlyList<ParticipantInfo>>(action, CallActionNames.GetParticipants,
            new GetParticipantsInput(CallConnectionId));
        _flow.Finish(action, failure ?? new CallFlowActionResult(CallFlowActionStatus.Succeeded), "Connected");
        return participants ?? [];
    }

    /// <summary>Waits until the call ends.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>CallDisconnected when the call ended (with the event), TimedOut otherwise.</returns>
    public async Task<CallFlowActionResult> WaitForDisconnectAsync(TimeSpan timeout)
    {
        if (CallConnectionId is null)
        {
            return new CallFlowActionResult(CallFlowActionStatus.Failed) { Message = "There is no call." };
        }

        var wait = await _flow.WaitAsync(null, null, this, timeout);
        return wait.Kind == WaitKind.Disconnected ? DisconnectedResult() : new CallFlowActionResult(CallFlowActionStatus.TimedOut);
    }

    /// <summary>Waits until a participant is in the roster.</summary>
    /// <param name="participant">The participant.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Succeeded when the participant is in the roster, CallDisconnected or TimedOut otherwise.</returns>
    public async Task<CallFlowActionResult> WaitForParticipantAsync(CommunicationIdentifier participant, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (CallConnectionId is null)
        {
            return new CallFlowActionResult(CallFlowActionStatus.Failed) { Message = "There is no call." };
        }

        return await WaitForRosterAsync(_ => HasParticipant(participant), timeout);
    }

    /// <summary>Waits until the roster satisfies a condition (e.g. a participant left).</summary>
    /// <param name="condition">The condition, evaluated on every roster snapshot (newest first wins).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>Succeeded when the condition holds, CallDisconnected or TimedOut otherwise.</returns>
    public async Task<CallFlowActionResult> WaitForRosterAsync(Func<IReadOnlyList<CallParticipant>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (CallConnectionId is null)
        {
            return new CallFlowActionResult(CallFlowActionStatus.Failed) { Message = "There is no call." };
        }

        var wait = await _flow.WaitAsync(null, () => condition(_participants), this, timeout);
        return wait.Kind switch
        {
            WaitKind.Done => new CallFlowActionResult(CallFlowActionStatus.Succeeded),
            WaitKind.Disconnected => DisconnectedResult(),
            _ => new CallFlowActionResult(CallFlowActionStatus.TimedOut),
        };
    }

    /// <summary>Whether a participant is in the roster.</summary>
    /// <param name="participant">The participant.</param>
    /// <returns>True when the latest roster holds the participant.</returns>
    public bool HasParticipant(CommunicationIdentifier participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return _participants.Any(p => p.Identifier?.RawId == participant.RawId);
    }

    internal CallFlowActionResult DisconnectedResult() =>
        DisconnectedEvent is { } disconnected
            ? CallFlowActionResult.FromEvent(CallFlowActionStatus.CallDisconnected, disconnected)
            : new CallFlowActionResult(CallFlowActionStatus.CallDisconnected);

    internal void SetConnection(CallFlowActionResult result) => Connection = result;

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

    internal void MarkDisconnected(CallAutomationEventBase? disconnected)
    {
        IsDisconnected = true;
        DisconnectedEvent ??= disconnected;
    }

    private static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? headers) =>
        headers is null || headers.Count == 0 ? null : new Dictionary<string, string>(headers, StringComparer.Ordinal);

    private CallFlowActionResult? NotActive()
    {
        if (CallConnectionId is null)
        {
            return new CallFlowActionResult(CallFlowActionStatus.Failed) { Message = "The call was never set up." };
        }

        return IsDisconnected ? DisconnectedResult() : null;
    }
}
