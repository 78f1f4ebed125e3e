using Azure;
using Azure.Core;
using CallFlows.CallAutomation.Pipeline;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// Media actions on one call connection: play, recognize, continuous and sent DTMF, hold, cancel, media streaming and
/// transcription. Get one from <see cref="CallConnection.GetCallMedia"/>. Shaped like
/// <c>Azure.Communication.CallAutomation.CallMedia</c>. Each action is accepted synchronously; its outcome arrives as a
/// callback event (<see cref="PlayCompleted"/>, <see cref="RecognizeCompleted"/>, …) carrying the operation context.
/// </summary>
public class CallMedia
{
    private readonly CallAutomationRestClient _rest = null!;

    internal CallMedia(string callConnectionId, CallAutomationRestClient rest)
    {
        CallConnectionId = callConnectionId;
        _rest = rest;
    }

    /// <summary>Initializes a media client for mocking.</summary>
    protected CallMedia()
    {
        CallConnectionId = string.Empty;
    }

    /// <summary>The call connection id.</summary>
    public virtual string CallConnectionId { get; }

    private string BasePath => "/calling/callConnections/" + CallAutomationRestClient.Escape(CallConnectionId);

    /// <summary>Plays to some participants (POST <c>:play</c>, 202).</summary>
    /// <param name="playSource">What to play.</param>
    /// <param name="playTo">Who hears it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted play.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<PlayResult>> PlayAsync(PlaySource playSource, IEnumerable<CommunicationIdentifier> playTo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(playSource);
        return PlayAsync(new PlayOptions([playSource], playTo), cancellationToken);
    }

    /// <summary>Plays to some participants, or to everyone when <see cref="PlayOptions.PlayTo"/> is empty (POST <c>:play</c>, 202).</summary>
    /// <param name="options">The play.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted play.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<PlayResult>> PlayAsync(PlayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await SendAsync(":play", MediaRequestBodies.Play(options), cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new PlayResult { OperationContext = OperationContextOf(response) ?? options.OperationContext }, response);
    }

    /// <summary>Plays to everyone in the call (POST <c>:play</c> with an empty <c>playTo</c>, 202).</summary>
    /// <param name="playSource">What to play.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted play.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="playSource"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<PlayResult>> PlayToAllAsync(PlaySource playSource, CancellationToken cancellationToken = default) =>
        PlayAsync(new PlayToAllOptions(playSource), cancellationToken);

    /// <summary>Plays to everyone in the call (POST <c>:play</c> with an empty <c>playTo</c>, 202).</summary>
    /// <param name="options">The play.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted play.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<PlayResult>> PlayToAllAsync(PlayToAllOptions options, CancellationToken cancellationToken = default) =>
        PlayAsync(options, cancellationToken);

    /// <summary>Plays an optional prompt and recognizes DTMF, speech or a choice (POST <c>:recognize</c>, 202).</summary>
    /// <param name="options">A <see cref="CallMediaRecognizeDtmfOptions"/>, <see cref="CallMediaRecognizeChoiceOptions"/>, <see cref="CallMediaRecognizeSpeechOptions"/> or <see cref="CallMediaRecognizeSpeechOrDtmfOptions"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted recognize.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<StartRecognizingCallMediaResult>> StartRecognizingAsync(CallMediaRecognizeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await SendAsync(":recognize", MediaRequestBodies.Recognize(options), cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new StartRecognizingCallMediaResult { OperationContext = OperationContextOf(response) ?? options.OperationContext }, response);
    }

    /// <summary>Cancels every queued and running play and recognize (POST <c>:cancelAllMediaOperations</c>, 202).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted cancellation.</returns>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<CancelAllMediaOperationsResult>> CancelAllMediaOperationsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(":cancelAllMediaOperations", null, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new CancelAllMediaOperationsResult { OperationContext = OperationContextOf(response) }, response);
    }

    /// <summary>Reports every key the participant presses as <see cref="ContinuousDtmfRecognitionToneReceived"/> until stopped (POST <c>:startContinuousDtmfRecognition</c>, 200).</summary>
    /// <param name="options">Whose keys.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StartContinuousDtmfRecognitionAsync(ContinuousDtmfRecognitionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendAsync(":startContinuousDtmfRecognition", MediaRequestBodies.ContinuousDtmf(options), cancellationToken);
    }

    /// <summary>Stops continuous DTMF recognition; <see cref="ContinuousDtmfRecognitionStopped"/> follows (POST <c>:stopContinuousDtmfRecognition</c>, 200).</summary>
    /// <param name="options">Whose keys.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StopContinuousDtmfRecognitionAsync(ContinuousDtmfRecognitionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendAsync(":stopContinuousDtmfRecognition", MediaRequestBodies.ContinuousDtmf(options), cancellationToken);
    }

    /// <summary>Sends DTMF tones to a participant (POST <c>:sendDtmfTones</c>, with repeatability headers, 202).</summary>
    /// <param name="tones">The tones.</param>
    /// <param name="targetParticipant">Who receives them.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted send.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response<SendDtmfTonesResult>> SendDtmfTonesAsync(IEnumerable<DtmfTone> tones, CommunicationIdentifier targetParticipant, CancellationToken cancellationToken = default) =>
        SendDtmfTonesAsync(new SendDtmfTonesOptions(tones, targetParticipant), cancellationToken);

    /// <summary>Sends DTMF tones to a participant (POST <c>:sendDtmfTones</c>, with repeatability headers, 202).</summary>
    /// <param name="options">The tones and their target.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The accepted send.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual async Task<Response<SendDtmfTonesResult>> SendDtmfTonesAsync(SendDtmfTonesOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var response = await _rest.SendAsync(RequestMethod.Post, BasePath + ":sendDtmfTones", MediaRequestBodies.SendDtmfTones(options), true, options.RepeatabilityHeaders, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new SendDtmfTonesResult { OperationContext = OperationContextOf(response) ?? options.OperationContext }, response);
    }

    /// <summary>Puts a participant on hold, optionally with music (POST <c>:hold</c>, 200); a failure arrives as <see cref="HoldFailed"/>.</summary>
    /// <param name="options">Who, and the music.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> HoldAsync(HoldOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendAsync(":hold", MediaRequestBodies.Hold(options), cancellationToken);
    }

    /// <summary>Takes a participant off hold (POST <c>:unhold</c>, 200).</summary>
    /// <param name="options">Who.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> UnholdAsync(UnholdOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendAsync(":unhold", MediaRequestBodies.Unhold(options), cancellationToken);
    }

    /// <summary>Starts streaming the call's audio as configured by <see cref="MediaStreamingOptions"/> on the call (POST <c>:startMediaStreaming</c>, 202).</summary>
    /// <param name="options">The operation context and callback; null sends an empty body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response; <see cref="MediaStreamingStarted"/> or <see cref="MediaStreamingFailed"/> follows.</returns>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StartMediaStreamingAsync(StartMediaStreamingOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(":startMediaStreaming", MediaRequestBodies.ContextOnly(options?.OperationContext, options?.OperationCallbackUri), cancellationToken);

    /// <summary>Stops streaming the call's audio (POST <c>:stopMediaStreaming</c>, 202).</summary>
    /// <param name="options">The operation context and callback; null sends an empty body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response; <see cref="MediaStreamingStopped"/> follows.</returns>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StopMediaStreamingAsync(StopMediaStreamingOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(":stopMediaStreaming", MediaRequestBodies.ContextOnly(options?.OperationContext, options?.OperationCallbackUri), cancellationToken);

    /// <summary>Starts the live transcription configured by <see cref="TranscriptionOptions"/> on the call (POST <c>:startTranscription</c>, 202).</summary>
    /// <param name="options">Locale, model, context and callback; null sends an empty body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response; <see cref="TranscriptionStarted"/> or <see cref="TranscriptionFailed"/> follows.</returns>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StartTranscriptionAsync(StartTranscriptionOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(":startTranscription", MediaRequestBodies.Transcription(options?.Locale, options?.SpeechModelEndpointId, options?.OperationContext, options?.OperationCallbackUri), cancellationToken);

    /// <summary>Stops the live transcription (POST <c>:stopTranscription</c>, 202).</summary>
    /// <param name="options">The operation context and callback; null sends an empty body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response; <see cref="TranscriptionStopped"/> follows.</returns>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> StopTranscriptionAsync(StopTranscriptionOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(":stopTranscription", MediaRequestBodies.Transcription(null, null, options?.OperationContext, options?.OperationCallbackUri), cancellationToken);

    /// <summary>Changes the transcription's locale or model (POST <c>:updateTranscription</c>, 202).</summary>
    /// <param name="locale">The new locale, e.g. <c>fr-FR</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response; <see cref="TranscriptionUpdated"/> follows.</returns>
    /// <exception cref="ArgumentException"><paramref name="locale"/> is null or empty.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> UpdateTranscriptionAsync(string locale, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(locale);
        return UpdateTranscriptionAsync(new UpdateTranscriptionOptions { Locale = locale }, cancellationToken);
    }

    /// <summary>Changes the transcription's locale or model (POST <c>:updateTranscription</c>, 202).</summary>
    /// <param name="options">The locale, model, context and callback.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw response; <see cref="TranscriptionUpdated"/> follows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="RequestFailedException">The service returned an error.</exception>
    public virtual Task<Response> UpdateTranscriptionAsync(UpdateTranscriptionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SendAsync(":updateTranscription", MediaRequestBodies.Transcription(options.Locale, options.SpeechModelEndpointId, options.OperationContext, options.OperationCallbackUri), cancellationToken);
    }

    private static string? OperationContextOf(Response response)
    {
        if (response.Content.ToMemory().Length == 0)
        {
            return null;
        }

        var json = CallAutomationRestClient.ParseBody(response);
        return json.ValueKind == System.Text.Json.JsonValueKind.Object ? ResponseModels.Str(json, "operationContext") : null;
    }

    private Task<Response> SendAsync(string action, byte[]? body, CancellationToken cancellationToken) =>
        _rest.SendAsync(RequestMethod.Post, BasePath + action, body, false, null, cancellationToken);
}
