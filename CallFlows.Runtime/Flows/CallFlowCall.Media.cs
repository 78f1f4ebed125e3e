using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>The media verbs: play, ask and recognize, hold, DTMF, mute, recording.</summary>
public sealed partial class CallFlowCall
{
    // ACS result sub-codes (troubleshooting Call Automation response codes) that are the caller's doing, not a failure.
    private static readonly HashSet<int> NoInputSubCodes = [8510, 8532];
    private static readonly HashSet<int> InvalidInputSubCodes = [8534, 8547, 8563];

    private readonly Queue<string> _tones = new();
    private readonly HashSet<string> _indexedServerCalls = new(StringComparer.Ordinal);

    /// <summary>The participant media verbs aim at by default: the caller of an answered call, the target of a placed one.</summary>
    public CommunicationIdentifier? Peer { get; internal set; }

    /// <summary>Plays a prompt and waits until it finished.</summary>
    /// <param name="prompt">What to play.</param>
    /// <param name="options">Whom to play to, barge-in of the running operation, and the wait (2 minutes by default).</param>
    /// <returns>Succeeded (<c>PlayCompleted</c>); Failed (<c>PlayFailed</c>, e.g. 400/8536 a file that cannot be fetched; <c>PlayCanceled</c>; 405/8522 text without a Cognitive Services endpoint); TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> PlayAsync(Prompt prompt, PlayFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        options ??= new PlayFlowOptions();
        var playTo = options.PlayTo?.RawId;
        var interrupt = options.Interrupt;
        return _flow.RunActionAsync(CallActionNames.Play, this, "Playing",
            identity => new PlayInput(identity, CallConnectionId, prompt, playTo, Loop: false, interrupt),
            nameof(PlayCompleted), nameof(PlayFailed), options.Timeout, "Connected", canceledEvent: nameof(PlayCanceled));
    }

    /// <summary>
    /// Asks the caller to pick from a menu, re-asking on no input or invalid input up to <paramref name="attempts"/> times:
    /// <c>var choice = await call.AskAsync(Prompt.Text("For sales press 1."), Menu.Dtmf("1", "2"), attempts: 3);</c>.
    /// A keys-only menu is recognized as DTMF (no speech service needed); a menu with phrases as choices.
    /// </summary>
    /// <param name="prompt">The question, played (with barge-in) before each attempt.</param>
    /// <param name="menu">The choices.</param>
    /// <param name="attempts">How many times to ask (1–10). Default 3.</param>
    /// <param name="options">Timeouts, barge-in, whose input, a prompt before each repeat.</param>
    /// <returns>The choice (<see cref="RecognizeResult.Choice"/>), or the last attempt's NoInput / InvalidInput, or Failed / TimedOut at once.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public async Task<RecognizeResult> AskAsync(Prompt prompt, Menu menu, int attempts = 3, AskFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attempts, 10);
        options ??= new AskFlowOptions();
        RecognizeResult result = null!;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (attempt > 1 && (result.Status == RecognizeStatus.NoInput ? options.NoInputPrompt : options.InvalidInputPrompt) is { } sorry)
            {
                await PlayAsync(sorry);
            }

            result = menu.IsKeysOnly
                ? await RecognizeAsync(RecognizeKind.Dtmf, prompt, null, 1, null, options.Recognize)
                : await RecognizeAsync(RecognizeKind.Choices, prompt, menu, 1, null, options.Recognize);
            if (result.Matched && menu.IsKeysOnly)
            {
                var picked = menu.ForKey(result.Digits ?? string.Empty);
                result = picked is null
                    ? result with { Status = RecognizeStatus.InvalidInput }
                    : result with { Choice = picked.Label };
            }

            result = result with { Attempts = attempt };
            if (result.Status is not (RecognizeStatus.NoInput or RecognizeStatus.InvalidInput))
            {
                return result;
            }
        }

        return result;
    }

    /// <summary>Collects keys (one attempt).</summary>
    /// <param name="prompt">The prompt played first (with barge-in by default); null for none.</param>
    /// <param name="maxDigits">How many keys to collect (1–30).</param>
    /// <param name="stopKeys">Keys that end the input early (e.g. <c>"#"</c>), not part of the result; null for none.</param>
    /// <param name="options">Timeouts (initial silence 5 s, between keys 2 s, the wait 2 minutes), barge-in, whose input.</param>
    /// <returns>Recognized with <see cref="RecognizeResult.Digits"/>, NoInput, Failed or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<RecognizeResult> RecognizeDtmfAsync(Prompt? prompt, int maxDigits = 1, string? stopKeys = null, RecognizeFlowOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDigits, 30);
        if (stopKeys is not null)
        {
            _ = DtmfTones.Parse(stopKeys);
        }

        return RecognizeAsync(RecognizeKind.Dtmf, prompt, null, maxDigits, stopKeys, options);
    }

    /// <summary>Recognizes free speech (one attempt; needs a Cognitive Services endpoint).</summary>
    /// <param name="prompt">The prompt played first; null for none.</param>
    /// <param name="options">Timeouts, barge-in, language, whose input.</param>
    /// <returns>Recognized with <see cref="RecognizeResult.Text"/> and confidence, NoInput, InvalidInput (not understood), Failed (e.g. 405/8522) or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<RecognizeResult> RecognizeSpeechAsync(Prompt? prompt, RecognizeFlowOptions? options = null) =>
        RecognizeAsync(RecognizeKind.Speech, prompt, null, 1, null, options);

    /// <summary>Recognizes one of a menu's choices by key or phrase (one attempt; needs a Cognitive Services endpoint).</summary>
    /// <param name="prompt">The prompt played first; null for none.</param>
    /// <param name="menu">The choices.</param>
    /// <param name="options">Timeouts, barge-in, language, whose input.</param>
    /// <returns>Recognized with <see cref="RecognizeResult.Choice"/>, NoInput, InvalidInput, Failed or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<RecognizeResult> RecognizeChoicesAsync(Prompt? prompt, Menu menu, RecognizeFlowOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(menu);
        return RecognizeAsync(RecognizeKind.Choices, prompt, menu, 1, null, options);
    }

    /// <summary>Puts a participant on hold, with music. ACS answers at once; <c>HoldFailed</c> (music that cannot play) shows in the timeline.</summary>
    /// <param name="music">What the participant hears (e.g. <c>Prompt.File(holdMusicUrl)</c>); null for silence.</param>
    /// <param name="participant">Who; null is <see cref="Peer"/>.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> HoldAsync(Prompt? music = null, CommunicationIdentifier? participant = null) =>
        ParticipantActionAsync(CallActionNames.Hold, "Holding", participant, identity => music);

    /// <summary>Takes a participant off hold.</summary>
    /// <param name="participant">Who; null is <see cref="Peer"/>.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> UnholdAsync(CommunicationIdentifier? participant = null) =>
        ParticipantActionAsync(CallActionNames.Unhold, "Unholding", participant, _ => null);

    /// <summary>Mutes a participant (ACS mutes ACS users only; a phone number is refused with 400).</summary>
    /// <param name="participant">Who.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> MuteAsync(CommunicationIdentifier participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return ParticipantActionAsync(CallActionNames.Mute, "Muting", participant, _ => null);
    }

    /// <summary>Sends DTMF tones (e.g. to an IVR the call reached) and waits until they were sent.</summary>
    /// <param name="keys">The keys, e.g. <c>"1234#"</c>.</param>
    /// <param name="participant">To whom; null is <see cref="Peer"/>.</param>
    /// <param name="options">The wait (30 s by default).</param>
    /// <returns>Succeeded (<c>SendDtmfTonesCompleted</c>), Failed (<c>SendDtmfTonesFailed</c> or a refusal) or TimedOut.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> SendDtmfAsync(string keys, CommunicationIdentifier? participant = null, CallActionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(keys);
        _ = DtmfTones.Parse(keys);
        var target = Target(participant);
        return _flow.RunActionAsync(CallActionNames.SendDtmf, this, "SendingDtmf",
            identity => new ParticipantMediaInput(identity, CallConnectionId, target, Tones: keys),
            nameof(SendDtmfTonesCompleted), nameof(SendDtmfTonesFailed), (options ?? new CallActionOptions()).Timeout, "Connected");
    }

    /// <summary>Starts continuous DTMF recognition: each key the participant presses is then read with <see cref="WaitForKeyAsync"/>.</summary>
    /// <param name="participant">Whose keys; null is <see cref="Peer"/>.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> StartContinuousDtmfAsync(CommunicationIdentifier? participant = null) =>
        ParticipantActionAsync(CallActionNames.StartContinuousDtmf, "StartingContinuousDtmf", participant, _ => null);

    /// <summary>Stops continuous DTMF recognition.</summary>
    /// <param name="participant">Whose keys; null is <see cref="Peer"/>.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> StopContinuousDtmfAsync(CommunicationIdentifier? participant = null) =>
        ParticipantActionAsync(CallActionNames.StopContinuousDtmf, "StoppingContinuousDtmf", participant, _ => null);

    /// <summary>Waits for the next key of continuous DTMF recognition (keys pressed earlier are queued, in order).</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The key (<c>0-9</c>, <c>*</c>, <c>#</c>, <c>A-D</c>), or null when the timeout passed first.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public async Task<string?> WaitForKeyAsync(TimeSpan timeout)
    {
        if (_tones.Count == 0 && !await WaitUntilAsync(() => _tones.Count > 0, timeout))
        {
            return null;
        }

        return _tones.Dequeue();
    }

    /// <summary>Starts recording the call. Its file is announced over Event Grid when it ends: <see cref="WaitForRecordingFileAsync"/>.</summary>
    /// <param name="options">Content, channel, format (audio, mixed, WAV by default), paused start.</param>
    /// <returns>The recording, or ACS's refusal as data (e.g. 400/8559 a recording already running).</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public async Task<StartRecordingFlowResult> StartRecordingAsync(RecordingFlowOptions? options = null)
    {
        options ??= new RecordingFlowOptions();
        ThrowIfEnded();
        if (ServerCallId is { } serverCallId && _indexedServerCalls.Add(serverCallId))
        {
            // Before the recording exists: its file event can then always find this instance.
            await _flow.IndexRecordingOwnerAsync(serverCallId);
        }

        string? recordingId = null;
        var (content, channel, format, paused) = (options.Content, options.Channel, options.Format, options.PauseOnStart);
        var result = await _flow.RunActionAsync(CallActionNames.StartRecording, this, "StartingRecording",
            identity => new StartRecordingInput(_flow.InstanceId, identity, CallConnectionId, content, channel, format, paused),
            null, null, TimeSpan.Zero, "Connected", output => recordingId = output.RecordingId);
        return new StartRecordingFlowResult(result, result.Succeeded && recordingId is not null ? new CallFlowRecording(recordingId, ServerCallId ?? string.Empty) : null);
    }

    /// <summary>Pauses a recording.</summary>
    /// <param name="recording">The recording.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> PauseRecordingAsync(CallFlowRecording recording) => RecordingActionAsync(CallActionNames.PauseRecording, "PausingRecording", recording);

    /// <summary>Resumes a paused recording.</summary>
    /// <param name="recording">The recording.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    /// <exception cref="CallEndedException">The call ended.</exception>
    public Task<CallActionResult> ResumeRecordingAsync(CallFlowRecording recording) => RecordingActionAsync(CallActionNames.ResumeRecording, "ResumingRecording", recording);

    /// <summary>Stops a recording (the call's end stops it too). Works after the call ended: a 404 then means it is already stopped.</summary>
    /// <param name="recording">The recording.</param>
    /// <returns>Succeeded, or Failed with ACS's refusal.</returns>
    public async Task<CallActionResult> StopRecordingAsync(CallFlowRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return await _flow.RunActionAsync(CallActionNames.StopRecording, null, "StoppingRecording",
            identity => new RecordingControlInput(identity, recording.RecordingId), null, null, TimeSpan.Zero, HasEnded ? "Disconnected" : "Connected");
    }

    /// <summary>
    /// Waits for a recording's file: ACS announces it with <c>Microsoft.Communication.RecordingFileStatusUpdated</c> over
    /// Event Grid after the recording stops or the call ends; the app's Event Grid webhook routes it to this flow.
    /// Never throws <see cref="CallEndedException"/>: the file usually comes after the call ended.
    /// </summary>
    /// <param name="recording">The recording.</param>
    /// <param name="timeout">How long to wait (ACS usually announces a file within a minute of the end).</param>
    /// <returns>The file, or null when the timeout passed first.</returns>
    public Task<RecordingFile?> WaitForRecordingFileAsync(CallFlowRecording recording, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return _flow.WaitForRecordingFileAsync(recording.ServerCallId, timeout);
    }

    internal void EnqueueTone(ContinuousDtmfRecognitionToneReceived tone)
    {
        if (tone.Tone != DtmfTone.Unknown)
        {
            _tones.Enqueue(tone.Tone.ToChar().ToString());
        }
    }

    /// <summary>Maps a recognize action's outcome to the typed result (internal for tests).</summary>
    internal static RecognizeResult FromEvent(CallActionResult action)
    {
        switch (action.Event)
        {
            case RecognizeCompleted completed:
                var digits = completed.DtmfResult?.Digits;
                return new RecognizeResult
                {
                    Status = RecognizeStatus.Recognized,
                    Digits = string.IsNullOrEmpty(digits) ? null : digits,
                    Choice = completed.ChoiceResult?.Label,
                    Text = completed.SpeechResult?.Speech ?? completed.ChoiceResult?.RecognizedPhrase,
                    Confidence = completed.SpeechResult?.Confidence ?? completed.ChoiceResult?.Confidence,
                    Event = completed,
                };
            case RecognizeFailed failed when failed.ResultInformation?.SubCode is { } sub && (NoInputSubCodes.Contains(sub) || InvalidInputSubCodes.Contains(sub)):
                return new RecognizeResult
                {
                    Status = NoInputSubCodes.Contains(sub) ? RecognizeStatus.NoInput : RecognizeStatus.InvalidInput,
                    Failure = action.Failure,
                    Event = failed,
                };
            default:
                return new RecognizeResult
                {
                    Status = action.TimedOut ? RecognizeStatus.TimedOut : RecognizeStatus.Failed,
                    Failure = action.Failure,
                    Event = action.Event,
                };
        }
    }

    private async Task<RecognizeResult> RecognizeAsync(RecognizeKind kind, Prompt? prompt, Menu? menu, int maxTones, string? stopKeys, RecognizeFlowOptions? options)
    {
        options ??= new RecognizeFlowOptions();
        var target = options.From?.RawId ?? Target(null);
        var silence = (int)Math.Clamp(Math.Ceiling(options.InitialSilenceTimeout.TotalSeconds), 1, 300);
        var interTone = (int)Math.Clamp(Math.Ceiling(options.InterToneTimeout.TotalSeconds), 1, 60);
        var (interrupt, language) = (options.InterruptPrompt, options.SpeechLanguage);
        var action = await _flow.RunActionAsync(CallActionNames.Recognize, this, "Recognizing",
            identity => new RecognizeInput(identity, CallConnectionId, target, kind, prompt, menu, maxTones, stopKeys, silence, interTone, interrupt, language),
            nameof(RecognizeCompleted), nameof(RecognizeFailed), options.Timeout, "Connected", canceledEvent: nameof(RecognizeCanceled));
        return FromEvent(action);
    }

    private Task<CallActionResult> ParticipantActionAsync(string name, string state, CommunicationIdentifier? participant, Func<CallActionIdentity, Prompt?> music)
    {
        var target = Target(participant);
        return _flow.RunActionAsync(name, this, state,
            identity => new ParticipantMediaInput(identity, CallConnectionId, target, music(identity)), null, null, TimeSpan.Zero, "Connected");
    }

    private Task<CallActionResult> RecordingActionAsync(string name, string state, CallFlowRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return _flow.RunActionAsync(name, this, state, identity => new RecordingControlInput(identity, recording.RecordingId), null, null, TimeSpan.Zero, "Connected");
    }

    private string Target(CommunicationIdentifier? participant) =>
        participant?.RawId ?? Peer?.RawId
        ?? throw new InvalidOperationException("This call has no default participant (it was joined, not answered or placed): pass the participant.");
}
