using Azure;
using Azure.Core;
using CallFlows.CallAutomation.Pipeline;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// Mid-call actions on one call connection: properties, hang up, transfer, add/cancel/remove/mute/move participants.
/// Get one from <see cref="CallAutomationClient.GetCallConnection(string)"/>. Shaped like
/// <c>Azure.Communication.CallAutomation.CallConnection</c>.
/// </summary>
public class CallConnection
{
    private readonly CallAutomationRestClient _rest = null!;

    internal CallConnection(string callConnectionId, CallAutomationRestClient rest)
    {
        CallConnectionId = callConnectionId;
        _rest = rest;
    }

    /// <summary>Initializes a call connection for mocking.</summary>
    protected CallConnection()
    {
        CallConnectionId = string.Empty;
    }

    /// <summary>The call connection id.</summary>
    public virtual string CallConnectionId { get; }

    /// <summary>Gets the media client of this call connection: play, recognize, DTMF, hold, streaming, transcription (no request is sent).</summary>
    /// <returns>The media client.</returns>
    public virtual CallMedia GetCallMedia() => new(CallConnectionId, _rest);

    private string BasePath => "/calling/callConnections/" + CallAutomationRestClient.Escape(CallConnectionId);

    /// <summary>Gets the properties of the call connection (GET <c>/calling/callConnections/{id}</c>, 200).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties.</returns>
    /// <exception cref="RequestFailedException">The service returned an error (404 when the call is gone).</exception>
    public virtual async Task<Response<CallConnectionProperties>> GetCallConnectionPropertiesAsync(CancellationToken cancellationToken = default)
    {
        var response = await _rest.SendAsync(RequestMethod.Get, BasePath, null, false, null, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ResponseModels.ReadCallConnectionProperties(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Hangs up: for everyone (POST <c>:terminate</c>, with repeatability headers) or only the application's leg (DELETE), 204.</summary>
    /// <param name="forEveryone">True ends the call for all participants.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> HangUpAsync(bool forEveryone, CancellationToken cancellationToken = default) =>
        HangUpAsync(new HangUpOptions(forEveryone), cancellationToken);

    /// <summary>Hangs up: for everyone (POST <c>:terminate</c>, with repeatability headers) or only the application's leg (DELETE), 204.</summary>
    /// <param name="options">The hang-up.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> HangUpAsync(HangUpOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ForEveryone
            ? _rest.SendAsync(RequestMethod.Post, BasePath + ":terminate", null, true, options.RepeatabilityHeaders, cancellationToken)
            : _rest.SendAsync(RequestMethod.Delete, BasePath, null, false, null, cancellationToken);
    }

    /// <summary>Transfers the call to another participant (POST <c>:transferToParticipant</c>, 202).</summary>
    /// <param name="targetParticipant">Where to transfer the call.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="CallTransferAccepted"/> or <see cref="CallTransferFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<TransferCallToParticipantResult>> TransferCallToParticipantAsync(CommunicationIdentifier targetParticipant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        return TransferCallToParticipantAsync(new TransferToParticipantOptions(targetParticipant), cancellationToken);
    }

    /// <summary>Transfers the call to another participant (POST <c>:transferToParticipant</c>, 202).</summary>
    /// <param name="options">The transfer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="CallTransferAccepted"/> or <see cref="CallTransferFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<TransferCallToParticipantResult>> TransferCallToParticipantAsync(TransferToParticipantOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Like JS 1.6.0: an operation context is always sent, a random UUID when the caller gave none.
        var operationContext = options.OperationContext ?? Guid.NewGuid().ToString("D");
        var body = RequestBodies.TransferToParticipant(options, operationContext);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + ":transferToParticipant", body, true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var json = CallAutomationRestClient.ParseBody(response);
        return Response.FromValue(new TransferCallToParticipantResult { OperationContext = ResponseModels.Str(json, "operationContext") }, response);
    }

    /// <summary>Adds a participant (POST <c>/participants:add</c>, 202).</summary>
    /// <param name="participantToAdd">Whom to add.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The invitation; the outcome arrives as <see cref="AddParticipantSucceeded"/> or <see cref="AddParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participantToAdd"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<AddParticipantResult>> AddParticipantAsync(CallInvite participantToAdd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participantToAdd);
        return AddParticipantAsync(new AddParticipantOptions(participantToAdd), cancellationToken);
    }

    /// <summary>Adds a participant (POST <c>/participants:add</c>, 202).</summary>
    /// <param name="options">The participant to add.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The invitation; the outcome arrives as <see cref="AddParticipantSucceeded"/> or <see cref="AddParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<AddParticipantResult>> AddParticipantAsync(AddParticipantOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + "/participants:add", RequestBodies.AddParticipant(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ResponseModels.ReadAddParticipantResult(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Cancels a pending add-participant invitation (POST <c>/participants:cancelAddParticipant</c>, 202).</summary>
    /// <param name="invitationId">The invitation id from <see cref="AddParticipantResult.InvitationId"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="CancelAddParticipantSucceeded"/> or <see cref="CancelAddParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="invitationId"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<CancelAddParticipantOperationResult>> CancelAddParticipantOperationAsync(string invitationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(invitationId);
        return CancelAddParticipantOperationAsync(new CancelAddParticipantOperationOptions(invitationId), cancellationToken);
    }

    /// <summary>Cancels a pending add-participant invitation (POST <c>/participants:cancelAddParticipant</c>, 202).</summary>
    /// <param name="options">The invitation to cancel.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="CancelAddParticipantSucceeded"/> or <see cref="CancelAddParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<CancelAddParticipantOperationResult>> CancelAddParticipantOperationAsync(CancelAddParticipantOperationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + "/participants:cancelAddParticipant", RequestBodies.CancelAddParticipant(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ResponseModels.ReadCancelAddParticipantResult(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Removes a participant (POST <c>/participants:remove</c>, 202).</summary>
    /// <param name="participantToRemove">The participant to remove.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="RemoveParticipantSucceeded"/> or <see cref="RemoveParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participantToRemove"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<RemoveParticipantResult>> RemoveParticipantAsync(CommunicationIdentifier participantToRemove, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participantToRemove);
        return RemoveParticipantAsync(new RemoveParticipantOptions(participantToRemove), cancellationToken);
    }

    /// <summary>Removes a participant (POST <c>/participants:remove</c>, 202).</summary>
    /// <param name="options">The participant to remove.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="RemoveParticipantSucceeded"/> or <see cref="RemoveParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<RemoveParticipantResult>> RemoveParticipantAsync(RemoveParticipantOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + "/participants:remove", RequestBodies.RemoveParticipant(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var json = CallAutomationRestClient.ParseBody(response);
        return Response.FromValue(new RemoveParticipantResult { OperationContext = ResponseModels.Str(json, "operationContext") }, response);
    }

    /// <summary>Mutes a participant (POST <c>/participants:mute</c>, 200). The service supports ACS users only.</summary>
    /// <param name="targetParticipant">The participant to mute.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result (the mute is done; no event follows).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targetParticipant"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<MuteParticipantResult>> MuteParticipantAsync(CommunicationIdentifier targetParticipant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targetParticipant);
        return MuteParticipantAsync(new MuteParticipantOptions(targetParticipant), cancellationToken);
    }

    /// <summary>Mutes a participant (POST <c>/participants:mute</c>, 200). The service supports ACS users only.</summary>
    /// <param name="options">The participant to mute.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result (the mute is done; no event follows).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<MuteParticipantResult>> MuteParticipantAsync(MuteParticipantOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + "/participants:mute", RequestBodies.MuteParticipant(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        var json = CallAutomationRestClient.ParseBody(response);
        return Response.FromValue(new MuteParticipantResult { OperationContext = ResponseModels.Str(json, "operationContext") }, response);
    }

    /// <summary>Moves participants from another call into this one (POST <c>/participants:moveHere</c>, 202).</summary>
    /// <param name="options">The participants and the call they come from.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted operation; the outcome arrives as <see cref="MoveParticipantSucceeded"/> or <see cref="MoveParticipantFailed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<MoveParticipantsResult>> MoveParticipantsAsync(MoveParticipantsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + "/participants:moveHere", RequestBodies.MoveParticipants(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ResponseModels.ReadMoveParticipantsResult(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Gets one participant (GET <c>/participants/{rawId}</c>, 200; the raw id is percent-encoded).</summary>
    /// <param name="participantIdentifier">The participant.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participantIdentifier"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error (404 when not in the call).</exception>
    public virtual async Task<Response<CallParticipant>> GetParticipantAsync(CommunicationIdentifier participantIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participantIdentifier);
        var path = BasePath + "/participants/" + CallAutomationRestClient.Escape(participantIdentifier.RawId);
        var response = await _rest.SendAsync(RequestMethod.Get, path, null, false, null, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ResponseModels.ReadCallParticipant(CallAutomationRestClient.ParseBody(response)), response);
    }

    /// <summary>Gets all participants (GET <c>/participants</c>, 200), following every <c>nextLink</c> as-is.</summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>All participants; the raw response is the last page's.</returns>
    /// <exception cref="RequestFailedException">The service returned an error or a page link is not an absolute URI.</exception>
    public virtual async Task<Response<IReadOnlyList<CallParticipant>>> GetParticipantsAsync(CancellationToken cancellationToken = default)
    {
        var participants = new List<CallParticipant>();
        var response = await _rest.SendAsync(RequestMethod.Get, BasePath + "/participants", null, false, null, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = CallAutomationRestClient.ParseBody(response);
            participants.AddRange(ResponseModels.ReadParticipantArray(page, "value"));
            var nextLink = ResponseModels.Str(page, "nextLink");
            if (string.IsNullOrEmpty(nextLink))
            {
                return Response.FromValue<IReadOnlyList<CallParticipant>>(participants, response);
            }

            if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var nextUri))
            {
                throw new RequestFailedException(response.Status, $"The participants page link '{nextLink}' is not an absolute URI.");
            }

            // A server that repeats a link would otherwise make this loop forever.
            if (!seen.Add(nextLink))
            {
                throw new RequestFailedException(response.Status, $"The participants page link '{nextLink}' was returned twice.");
            }

            response = await _rest.GetNextLinkAsync(nextUri, cancellationToken).ConfigureAwait(false);
        }
    }
}
