using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CallFlows.Emulator.Simulation.Media;

/// <summary>
/// Plays, recognizes, DTMF and hold of the emulated service, and the simulated phones that listen and answer back
/// (<see cref="IdentityBehavior.MediaScript"/>). Runs under the engine's lock: called from its REST dispatch and from
/// its timers, which fire under the lock and never after their connection closed (so nothing follows CallDisconnected).
/// </summary>
internal sealed partial class MediaEngine(CallEngine engine, AcsEmulatorOptions options, EmulatedWorld world)
{
    private static readonly string[] ToneNames = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "a", "b", "c", "d", "pound", "asterisk"];
    private const string Keypad = "0123456789ABCD#*";

    private TimeProvider Time => options.TimeProvider;

    // ---------------------------------------------------------------- play

    public JsonNode? Play(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var sources = Sources(connection, body["playSources"]!.AsArray(), "playSources");
        var playTo = new List<string>();
        if (body["playTo"] is JsonArray targets)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                playTo.Add(RequirePresent(connection, CallEngine.RawId(targets[i], $"playTo[{i}]"), $"playTo[{i}]"));
            }
        }

        var operation = new PlayOperation(CallEngine.Text(body["operationContext"]), CallEngine.OperationCallbackUri(connection, body))
        {
            Sources = sources,
            PlayTo = playTo,
            Loop = body["playOptions"]?["loop"]?.GetValue<bool>() == true,
        };
        Enqueue(connection, operation, body["interruptCallMediaOperation"]?.GetValue<bool>() == true);
        return null;
    }

    // ---------------------------------------------------------------- recognize

    public JsonNode? Recognize(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var inputType = CallEngine.Text(body["recognizeInputType"])!;
        var recognizeOptions = body["recognizeOptions"]!.AsObject();
        if (inputType != "dtmf" && connection.CognitiveServicesEndpoint is null)
        {
            throw MediaResults.CognitiveServicesNotConfigured();
        }

        var target = RequirePresent(connection, CallEngine.RawId(recognizeOptions["targetParticipant"], "recognizeOptions.targetParticipant"), "recognizeOptions.targetParticipant");
        var prompts = new JsonArray();
        if (body["playPrompt"] is JsonObject prompt)
        {
            prompts.Add(prompt.DeepClone());
        }

        if (body["playPrompts"] is JsonArray many)
        {
            foreach (var p in many)
            {
                prompts.Add(p?.DeepClone());
            }
        }

        var dtmf = recognizeOptions["dtmfOptions"] as JsonObject;
        var choices = recognizeOptions["choices"] as JsonArray ?? [];
        if (inputType == "choices" && choices.Count == 0)
        {
            throw new ApiException(400, "8523", "recognizeOptions.choices: a choices recognize needs at least one choice.", "recognizeOptions.choices");
        }

        var operation = new RecognizeOperation(CallEngine.Text(body["operationContext"]), CallEngine.OperationCallbackUri(connection, body))
        {
            Sources = Sources(connection, prompts, "playPrompts"),
            InputType = inputType,
            Target = target,
            InterruptPrompt = recognizeOptions["interruptPrompt"]?.GetValue<bool>() == true,
            InitialSilenceTimeout = TimeSpan.FromSeconds(recognizeOptions["initialSilenceTimeoutInSeconds"]?.GetValue<int>() ?? 5),
            InterToneTimeout = TimeSpan.FromSeconds(dtmf?["interToneTimeoutInSeconds"]?.GetValue<int>() ?? 2),
            MaxTones = dtmf?["maxTonesToCollect"]?.GetValue<int>() ?? 1,
            StopTones = (dtmf?["stopTones"] as JsonArray ?? []).Select(t => CallEngine.Text(t)!).ToHashSet(StringComparer.Ordinal),
            Choices = (JsonArray)choices.DeepClone(),
        };
        Enqueue(connection, operation, body["interruptCallMediaOperation"]?.GetValue<bool>() == true);
        return null;
    }

    // ---------------------------------------------------------------- cancel

    public void CancelAll(SimConnection connection)
    {
        var queue = connection.Media;
        var all = queue.Current is null ? queue.Pending.ToList() : [queue.Current, .. queue.Pending];
        queue.Current = null;
        queue.Pending.Clear();
        foreach (var operation in all)
        {
            Cancel(connection, operation);
        }
    }

    // ---------------------------------------------------------------- live input (control API)

    /// <summary>A participant presses keys now (one every 300 ms), heard by a running recognize and by continuous DTMF recognition.</summary>
    public void PressKeys(SimConnection connection, string rawId, string digits)
    {
        RequirePresent(connection, rawId, "identity");
        var tones = ParseKeys(digits);
        for (var i = 0; i < tones.Count; i++)
        {
            var tone = tones[i];
            At(connection, null, TimeSpan.FromMilliseconds(300 * i), () => ToneFrom(connection, rawId, tone));
        }
    }

    /// <summary>A participant says a phrase now (null: something unintelligible).</summary>
    public void Say(SimConnection connection, string rawId, string? phrase, double confidence)
    {
        RequirePresent(connection, rawId, "identity");
        if (connection.Media.Current is RecognizeOperation recognize && recognize.Target == rawId)
        {
            OnSpeech(connection, recognize, phrase, confidence);
        }
    }

    // ---------------------------------------------------------------- queue

    private void Enqueue(SimConnection connection, MediaOperation operation, bool interrupt)
    {
        var queue = connection.Media;
        if (interrupt && queue.Current is { } running)
        {
            // interruptCallMediaOperation: the running operation is canceled, the new one goes first.
            queue.Current = null;
            Cancel(connection, running);
            queue.Pending.Insert(0, operation);
        }
        else
        {
            queue.Pending.Add(operation);
        }

        StartNext(connection);
    }

    private void StartNext(SimConnection connection)
    {
        var queue = connection.Media;
        if (queue.Current is not null || queue.Pending.Count == 0 || !connection.IsLive)
        {
            return;
        }

        var operation = queue.Pending[0];
        queue.Pending.RemoveAt(0);
        queue.Current = operation;
        switch (operation)
        {
            case PlayOperation play:
                StartPlay(connection, play);
                break;
            case RecognizeOperation recognize:
                StartRecognize(connection, recognize);
                break;
        }
    }

    private void Finish(SimConnection connection, MediaOperation operation, string eventName, ResultInfo result, JsonObject? extra = null)
    {
        if (operation.Done)
        {
            return;
        }

        operation.Done = true;
        operation.StopTimers();
        engine.Emit(connection, eventName, operation.OperationContext, result, operation.CallbackUri, extra);
        if (connection.Media.Current == operation)
        {
            connection.Media.Current = null;
            StartNext(connection);
        }
    }

    private void Cancel(SimConnection connection, MediaOperation operation)
    {
        operation.Done = true;
        operation.StopTimers();
        engine.Emit(connection, operation.CanceledEvent, operation.OperationContext, MediaResults.Canceled, operation.CallbackUri);
    }

    // ---------------------------------------------------------------- play run

    private void StartPlay(SimConnection connection, PlayOperation play)
    {
        engine.Emit(connection, "PlayStarted", play.OperationContext, ResultInfo.Success, play.CallbackUri);
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < play.Sources.Count; i++)
        {
            var source = play.Sources[i];
            if (!source.Reachable)
            {
                var index = i;
                At(connection, play, elapsed, () => Finish(connection, play, "PlayFailed", MediaResults.FileDownloadFailed, new JsonObject { ["failedPlaySourceIndex"] = index }));
                ScriptedHangUps(connection, play.PlayTo, elapsed);
                return;
            }

            elapsed += source.Duration;
        }

        if (play.Loop)
        {
            // Loops until canceled: no PlayCompleted.
            ScriptedHangUps(connection, play.PlayTo, TimeSpan.MaxValue);
            return;
        }

        At(connection, play, elapsed, () => Finish(connection, play, "PlayCompleted", MediaResults.Completed));
        ScriptedHangUps(connection, play.PlayTo, elapsed);
    }

    /// <summary>Listeners whose next script step is a hang-up take it now (a play consumes no other step).</summary>
    private void ScriptedHangUps(SimConnection connection, IReadOnlyList<string> playTo, TimeSpan promptLength)
    {
        var listeners = playTo.Count > 0 ? playTo : connection.Call.Participants.Select(p => p.RawId).ToList();
        foreach (var rawId in listeners)
        {
            if (connection.Call.Find(rawId) is { } participant && Peek(participant) is { Kind: CallerInputKind.HangUp } step)
            {
                participant.ScriptPosition++;
                var at = step.DuringPrompt ? step.Delay : promptLength == TimeSpan.MaxValue ? step.Delay : promptLength + step.Delay;
                At(connection, null, at, () => HangUp(connection, rawId));
            }
        }
    }

    // ---------------------------------------------------------------- recognize run

    private void StartRecognize(SimConnection connection, RecognizeOperation recognize)
    {
        var promptLength = TimeSpan.Zero;
        for (var i = 0; i < recognize.Sources.Count; i++)
        {
            if (!recognize.Sources[i].Reachable)
            {
                var index = i;
                At(connection, recognize, promptLength, () => Finish(connection, recognize, "RecognizeFailed", MediaResults.PlayPromptFailed, new JsonObject { ["failedPlaySourceIndex"] = index }));
                return;
            }

            promptLength += recognize.Sources[i].Duration;
        }

        recognize.PromptEndsAt = Time.GetUtcNow() + promptLength;
        recognize.SilenceTimer = At(connection, recognize, promptLength + recognize.InitialSilenceTimeout,
            () => Finish(connection, recognize, "RecognizeFailed", MediaResults.InitialSilenceTimeout));

        if (connection.Call.Find(recognize.Target) is not { } participant || Peek(participant) is not { } step)
        {
            return;
        }

        participant.ScriptPosition++;
        var start = step.DuringPrompt ? step.Delay : promptLength + step.Delay;
        switch (step.Kind)
        {
            case CallerInputKind.Keys:
                var tones = ParseKeys(step.Digits!);
                for (var i = 0; i < tones.Count; i++)
                {
                    var tone = tones[i];
                    At(connection, null, start + (step.InterKeyDelay * i), () => ToneFrom(connection, recognize.Target, tone, afterPrompt: !step.DuringPrompt));
                }

                break;
            case CallerInputKind.Speech:
            case CallerInputKind.Unintelligible:
                At(connection, recognize, start, () => OnSpeech(connection, recognize, step.Phrase, step.Confidence, afterPrompt: !step.DuringPrompt));
                break;
            case CallerInputKind.HangUp:
                At(connection, null, start, () => HangUp(connection, recognize.Target));
                break;
        }
    }

    private void ToneFrom(SimConnection connection, string rawId, string tone, bool afterPrompt = false)
    {
        if (connection.Media.ContinuousDtmfTargets.Contains(rawId))
        {
            engine.Emit(connection, "ContinuousDtmfRecognitionToneReceived", null, ResultInfo.Success, connection.CallbackUri, new JsonObject
            {
                ["tone"] = tone,
                ["sequenceId"] = ++connection.Media.ToneSequence,
            });
        }

        if (connection.Media.Current is RecognizeOperation recognize && recognize.Target == rawId)
        {
            OnTone(connection, recognize, tone, afterPrompt);
        }
    }

    private void OnTone(SimConnection connection, RecognizeOperation recognize, string tone, bool afterPrompt)
    {
        if (recognize.Done || !recognize.Listens("dtmf") || !Heard(recognize, afterPrompt))
        {
            return;
        }

        recognize.SilenceTimer?.Dispose();
        if (recognize.InputType == "choices")
        {
            var choice = recognize.Choices.OfType<JsonObject>().FirstOrDefault(c => CallEngine.Text(c["tone"]) == tone);
            if (choice is null)
            {
                Finish(connection, recognize, "RecognizeFailed", MediaResults.IncorrectTone);
            }
            else
            {
                Finish(connection, recognize, "RecognizeCompleted", MediaResults.DtmfOptionMatched, new JsonObject
                {
                    ["recognitionType"] = "choices",
                    ["choiceResult"] = new JsonObject { ["label"] = CallEngine.Text(choice["label"]) },
                });
            }

            return;
        }

        if (recognize.StopTones.Contains(tone))
        {
            CompleteDtmf(connection, recognize, MediaResults.StopToneDetected);
            return;
        }

        recognize.Tones.Add(tone);
        if (recognize.Tones.Count >= recognize.MaxTones)
        {
            CompleteDtmf(connection, recognize, MediaResults.MaxDigitsReceived);
            return;
        }

        recognize.InterToneTimer?.Dispose();
        recognize.InterToneTimer = At(connection, recognize, recognize.InterToneTimeout,
            () => Finish(connection, recognize, "RecognizeFailed", MediaResults.InterDigitTimeout));
    }

    private void CompleteDtmf(SimConnection connection, RecognizeOperation recognize, ResultInfo result) =>
        Finish(connection, recognize, "RecognizeCompleted", result, new JsonObject
        {
            ["recognitionType"] = "dtmf",
            ["dtmfResult"] = new JsonObject { ["tones"] = new JsonArray(recognize.Tones.Select(t => (JsonNode)t).ToArray()) },
        });

    private void OnSpeech(SimConnection connection, RecognizeOperation recognize, string? phrase, double confidence, bool afterPrompt = false)
    {
        if (recognize.Done || !recognize.Listens("speech") || !Heard(recognize, afterPrompt))
        {
            return;
        }

        recognize.SilenceTimer?.Dispose();
        if (phrase is null)
        {
            Finish(connection, recognize, "RecognizeFailed", MediaResults.SpeechNotRecognized);
            return;
        }

        if (recognize.InputType == "choices")
        {
            var choice = recognize.Choices.OfType<JsonObject>().FirstOrDefault(c => (c["phrases"] as JsonArray ?? [])
                .Any(p => string.Equals(CallEngine.Text(p), phrase.Trim(), StringComparison.OrdinalIgnoreCase)));
            if (choice is null)
            {
                Finish(connection, recognize, "RecognizeFailed", MediaResults.SpeechOptionNotMatched);
            }
            else
            {
                Finish(connection, recognize, "RecognizeCompleted", MediaResults.SpeechOptionMatched, new JsonObject
                {
                    ["recognitionType"] = "choices",
                    ["choiceResult"] = new JsonObject { ["label"] = CallEngine.Text(choice["label"]), ["recognizedPhrase"] = phrase, ["confidence"] = confidence },
                });
            }

            return;
        }

        Finish(connection, recognize, "RecognizeCompleted", MediaResults.SpeechRecognized, new JsonObject
        {
            ["recognitionType"] = "speech",
            ["speechResult"] = new JsonObject { ["speech"] = phrase, ["confidence"] = confidence },
        });
    }

    /// <summary>
    /// Whether input now counts: after the prompt always (a step scripted after the prompt is, even when a timer fires a tick
    /// early); during it only with barge-in (which ends the prompt).
    /// </summary>
    private bool Heard(RecognizeOperation recognize, bool afterPrompt)
    {
        if (afterPrompt || Time.GetUtcNow() >= recognize.PromptEndsAt)
        {
            return true;
        }

        if (!recognize.InterruptPrompt)
        {
            return false;
        }

        recognize.PromptEndsAt = Time.GetUtcNow();
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private void HangUp(SimConnection connection, string rawId)
    {
        if (!connection.Call.Ended && connection.Call.Find(rawId) is { } participant)
        {
            engine.ParticipantLeaves(connection.Call, participant);
        }
    }

    private static CallerInput? Peek(SimParticipant participant, IdentityBehavior behavior) =>
        participant.ScriptPosition < behavior.MediaScript.Count ? behavior.MediaScript[participant.ScriptPosition] : null;

    private CallerInput? Peek(SimParticipant participant) => Peek(participant, world.BehaviorOf(participant.RawId));

    /// <summary>Runs an action after a delay, tied to the connection (and to the operation when given) so it dies with them.</summary>
    private ITimer At(SimConnection connection, MediaOperation? operation, TimeSpan delay, Action action)
    {
        var timer = engine.Schedule(delay, () =>
        {
            if (connection.IsLive && operation?.Done != true)
            {
                action();
            }
        });
        connection.Timers.Add(timer);
        operation?.Timers.Add(timer);
        return timer;
    }

    private static string RequirePresent(SimConnection connection, string rawId, string path) =>
        connection.Call.Find(rawId) is not null
            ? rawId
            : throw new ApiException(400, "8523", $"{path}: '{rawId}' is not a participant of this call.", path);

    private IReadOnlyList<PromptSource> Sources(SimConnection connection, JsonArray sources, string path)
    {
        var result = new List<PromptSource>();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i] as JsonObject ?? throw ApiException.BadRequest($"{path}[{i}]: must be a play source object.", $"{path}[{i}]");
            result.Add(PromptOf(connection, source, $"{path}[{i}]"));
        }

        return result;
    }

    internal PromptSource PromptOf(SimConnection connection, JsonObject source, string path)
    {
        switch (CallEngine.Text(source["kind"]))
        {
            case "file":
                var uri = CallEngine.Text(source["file"]?["uri"]) ?? throw ApiException.BadRequest($"{path}.file.uri: is required for a file source.", $"{path}.file.uri");
                var (reachable, duration) = world.MediaFileOf(uri);
                return new PromptSource("file", uri, duration ?? options.DefaultFilePromptDuration, reachable);
            case "text":
                var text = CallEngine.Text(source["text"]?["text"]) ?? throw ApiException.BadRequest($"{path}.text.text: is required for a text source.", $"{path}.text.text");
                return Spoken(connection, "text", text);
            case "ssml":
                var ssml = CallEngine.Text(source["ssml"]?["ssmlText"]) ?? throw ApiException.BadRequest($"{path}.ssml.ssmlText: is required for an SSML source.", $"{path}.ssml.ssmlText");
                return Spoken(connection, "ssml", MarkupPattern().Replace(ssml, " "));
            default:
                throw ApiException.BadRequest($"{path}.kind: must be file, text or ssml.", $"{path}.kind");
        }
    }

    private PromptSource Spoken(SimConnection connection, string kind, string spokenText)
    {
        if (connection.CognitiveServicesEndpoint is null)
        {
            throw MediaResults.CognitiveServicesNotConfigured();
        }

        var characters = spokenText.Trim().Length;
        var seconds = Math.Max(0.5, characters / options.SpeechCharactersPerSecond);
        return new PromptSource(kind, spokenText, TimeSpan.FromSeconds(seconds), Reachable: true);
    }

    internal static IReadOnlyList<string> ParseKeys(string digits) =>
        digits.Select(c => Keypad.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal) is var i and >= 0
            ? ToneNames[i]
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{c}' is not a DTMF key (0-9, A-D, # or *)."), nameof(digits))).ToList();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupPattern();
}
