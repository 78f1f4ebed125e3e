using System.Text.Json.Nodes;
using Azure;
using CallFlows.CallAutomation;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

/// <summary>
/// Every media operation and failure path driven with the project's client against the emulator, with scripted phones:
/// status codes, callback sequences and documented result codes (every callback is also checked against the spec by the base).
/// </summary>
public sealed class MediaTests : EmulatorTestBase
{
    private const string Scripted = "+15550002222";
    private static readonly Uri Greeting = new("https://cdn.example/greeting.wav");
    private static readonly Uri Music = new("https://cdn.example/music.wav");
    private static readonly Uri Missing = new("https://files.invalid/missing.wav");
    private static readonly Uri Cognitive = new("https://contoso-ai.cognitiveservices.azure.com/");

    private CallAutomationClient Client => new(Emulator.ConnectionString);

    private static PhoneNumberIdentifier Phone(string number, bool _ = true) => new(number);

    protected override void Configure(AcsEmulatorOptions options)
    {
        options.DefaultFilePromptDuration = TimeSpan.FromMilliseconds(200);
        options.SpeechCharactersPerSecond = 200;
        options.RecordingFileReadyDelay = TimeSpan.FromMilliseconds(50);
    }

    private async Task<T> EventAsync<T>(string callConnectionId, Func<T, bool>? predicate = null)
        where T : CallAutomationEventBase
    {
        var name = typeof(T).Name;
        using var cts = new CancellationTokenSource(Wait);
        while (true)
        {
            foreach (var received in Receiver.Callbacks.Entries.Where(c => c.CallConnectionId == callConnectionId && c.Name == name))
            {
                var parsed = CallAutomationEventParser.Parse(BinaryData.FromString(new JsonArray(received.CloudEvent.DeepClone()).ToJsonString()));
                var typed = parsed.Should().BeOfType<T>().Subject;
                if (predicate is null || predicate(typed))
                {
                    return typed;
                }
            }

            await Receiver.WaitForAsync(callConnectionId, name, Wait);
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>An inbound call from <paramref name="caller"/> answered with (or without) a Cognitive Services endpoint.</summary>
    private async Task<CallMedia> AnswerAsync(string caller = Scripted, bool cognitive = true, IReadOnlyList<CallerInput>? script = null,
        MediaStreamingOptions? streaming = null, TranscriptionOptions? transcription = null)
    {
        if (script is not null)
        {
            Emulator.World.Configure(caller, IdentityBehavior.Answers(TimeSpan.FromMilliseconds(20)) with { MediaScript = script });
        }

        var incoming = await Emulator.PlaceIncomingCallAsync(caller, OwnedNumber);
        var answered = await Client.AnswerCallAsync(new AnswerCallOptions(incoming.IncomingCallContext, Receiver.CallbackUri)
        {
            CallIntelligenceOptions = cognitive ? new CallIntelligenceOptions { CognitiveServicesEndpoint = Cognitive } : null,
            MediaStreamingOptions = streaming,
            TranscriptionOptions = transcription,
        });
        var id = answered.Value.CallConnection.CallConnectionId;
        await Receiver.WaitForAsync(id, "ParticipantsUpdated");
        return answered.Value.CallConnection.GetCallMedia();
    }

    private IReadOnlyList<string> MediaEvents(string id) =>
        Receiver.NamesFor(id).Where(n => n is not ("CallConnected" or "ParticipantsUpdated")).ToList();

    private static void AssertResult(CallAutomationEventBase e, int code, int subCode) =>
        (e.ResultInformation!.Code, e.ResultInformation.SubCode).Should().Be((code, subCode), e.ResultInformation.Message);

    [Fact]
    public async Task PlayToAll_File_StartedThenCompleted()
    {
        var media = await AnswerAsync();

        var response = await media.PlayToAllAsync(new PlayToAllOptions(new FileSource(Greeting)) { OperationContext = "greeting" });

        response.GetRawResponse().Status.Should().Be(202);
        var completed = await EventAsync<PlayCompleted>(media.CallConnectionId);
        completed.OperationContext.Should().Be("greeting");
        AssertResult(completed, 200, 0);
        MediaEvents(media.CallConnectionId).Should().Equal("PlayStarted", "PlayCompleted");
    }

    [Fact]
    public async Task Play_SecondSourceUnreachable_PlayFailedWithItsIndex()
    {
        var media = await AnswerAsync();

        await media.PlayAsync(new PlayOptions([new FileSource(Greeting), new FileSource(Missing)], [Phone(Scripted)]) { OperationContext = "bad-file" });

        var failed = await EventAsync<PlayFailed>(media.CallConnectionId);
        AssertResult(failed, 400, 8536);
        failed.FailedPlaySourceIndex.Should().Be(1);
        MediaEvents(media.CallConnectionId).Should().Equal("PlayStarted", "PlayFailed");
    }

    [Fact]
    public async Task Play_TextAndSsmlWithCognitiveServices_Complete()
    {
        var media = await AnswerAsync();

        await media.PlayToAllAsync(new PlayToAllOptions([new TextSource("Welcome to Contoso", "en-US-NancyNeural"), new SsmlSource("<speak>Goodbye</speak>")]));

        AssertResult(await EventAsync<PlayCompleted>(media.CallConnectionId), 200, 0);
    }

    [Fact]
    public async Task TextSpeechAndChoices_WithoutCognitiveServices_AreRejectedLikeTheService()
    {
        var media = await AnswerAsync(cognitive: false);
        var caller = Phone(Scripted);

        var attempts = new Func<Task>[]
        {
            () => media.PlayToAllAsync(new TextSource("Hello")),
            () => media.PlayToAllAsync(new SsmlSource("<speak>Hello</speak>")),
            () => media.StartRecognizingAsync(new CallMediaRecognizeSpeechOptions(caller)),
            () => media.StartRecognizingAsync(new CallMediaRecognizeChoiceOptions(caller, [new RecognitionChoice("Yes", ["yes"])])),
            () => media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(caller, 1) { Prompt = new TextSource("Press a key") }),
        };

        foreach (var attempt in attempts)
        {
            var error = (await attempt.Should().ThrowAsync<RequestFailedException>()).Which;
            error.Status.Should().Be(405);
            error.ErrorCode.Should().Be("8522");
            error.Message.Should().Contain("Cognitive Service Configuration not set");
        }

        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(caller, 1) { Prompt = new FileSource(Greeting), InitialSilenceTimeout = TimeSpan.FromSeconds(1) });
        AssertResult(await EventAsync<RecognizeFailed>(media.CallConnectionId), 400, 8510);
    }

    [Fact]
    public async Task Recognize_KeyPressedAfterPrompt_CompletesWithTheTone()
    {
        var media = await AnswerAsync(script: [CallerInput.Press("2", TimeSpan.FromMilliseconds(100))]);

        var response = await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 1) { Prompt = new FileSource(Greeting), OperationContext = "menu" });

        response.GetRawResponse().Status.Should().Be(202);
        var completed = await EventAsync<RecognizeCompleted>(media.CallConnectionId);
        AssertResult(completed, 200, 8531);
        completed.OperationContext.Should().Be("menu");
        completed.RecognitionType.Should().Be(RecognitionType.Dtmf);
        completed.DtmfResult!.Digits.Should().Be("2");
        MediaEvents(media.CallConnectionId).Should().Equal("RecognizeCompleted");
    }

    [Fact]
    public async Task Recognize_StopTone_CompletesWithTheTonesBeforeIt()
    {
        var media = await AnswerAsync(script: [CallerInput.Press("12#") with { InterKeyDelay = TimeSpan.FromMilliseconds(50) }]);

        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 6) { StopTones = { DtmfTone.Pound } });

        var completed = await EventAsync<RecognizeCompleted>(media.CallConnectionId);
        AssertResult(completed, 200, 8514);
        completed.DtmfResult!.Tones.Should().Equal(DtmfTone.One, DtmfTone.Two);
    }

    [Fact]
    public async Task Recognize_NoInputThenAKey_FailsOnInitialSilenceThenCompletes()
    {
        var media = await AnswerAsync(script: [CallerInput.StaySilent(), CallerInput.Press("7")]);
        var options = new CallMediaRecognizeDtmfOptions(Phone(Scripted), 1) { Prompt = new FileSource(Greeting), InitialSilenceTimeout = TimeSpan.FromSeconds(1) };

        await media.StartRecognizingAsync(options);
        AssertResult(await EventAsync<RecognizeFailed>(media.CallConnectionId), 400, 8510);
        await media.StartRecognizingAsync(options);

        (await EventAsync<RecognizeCompleted>(media.CallConnectionId)).DtmfResult!.Digits.Should().Be("7");
        MediaEvents(media.CallConnectionId).Should().Equal("RecognizeFailed", "RecognizeCompleted");
    }

    [Fact]
    public async Task Recognize_TooFewKeys_FailsOnInterToneTimeout()
    {
        var media = await AnswerAsync(script: [CallerInput.Press("1")]);

        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 4) { InterToneTimeout = TimeSpan.FromSeconds(1) });

        AssertResult(await EventAsync<RecognizeFailed>(media.CallConnectionId), 400, 8532);
    }

    [Fact]
    public async Task Recognize_KeyDuringPrompt_BargesInOnlyWhenInterruptPromptIsSet()
    {
        var media = await AnswerAsync(script: [CallerInput.PressDuringPrompt("5", TimeSpan.FromMilliseconds(50)), CallerInput.PressDuringPrompt("5", TimeSpan.FromMilliseconds(50))]);
        Emulator.World.ConfigureMediaFile(Greeting, TimeSpan.FromSeconds(1));

        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 1) { Prompt = new FileSource(Greeting), InterruptPrompt = true });
        (await EventAsync<RecognizeCompleted>(media.CallConnectionId)).DtmfResult!.Digits.Should().Be("5");

        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 1) { Prompt = new FileSource(Greeting), InitialSilenceTimeout = TimeSpan.FromSeconds(1) });
        AssertResult(await EventAsync<RecognizeFailed>(media.CallConnectionId), 400, 8510);
    }

    [Fact]
    public async Task Recognize_Choices_ByToneBySpeechAndInvalid()
    {
        var media = await AnswerAsync(script:
        [
            CallerInput.Press("2"), CallerInput.Say("Sales", confidence: 0.8), CallerInput.Press("9"), CallerInput.Say("weather"),
        ]);
        var options = new CallMediaRecognizeChoiceOptions(Phone(Scripted),
            [new RecognitionChoice("Sales", ["sales", "buy"]) { Tone = DtmfTone.One }, new RecognitionChoice("Support", ["support"]) { Tone = DtmfTone.Two }])
        {
            Prompts = [new TextSource("For sales press 1"), new TextSource("For support press 2")],
        };

        for (var i = 0; i < 4; i++)
        {
            await media.StartRecognizingAsync(options);
            await Emulator.WaitForEventAsync(e => e.CallConnectionId == media.CallConnectionId && e.Name.StartsWith("Recognize", StringComparison.Ordinal)
                && Emulator.EventLog.Entries.Count(x => x.CallConnectionId == media.CallConnectionId && x.Name.StartsWith("Recognize", StringComparison.Ordinal)) > i, Wait);
        }

        MediaEvents(media.CallConnectionId).Should().Equal("RecognizeCompleted", "RecognizeCompleted", "RecognizeFailed", "RecognizeFailed");
        var completed = Receiver.Callbacks.Entries.Where(c => c.CallConnectionId == media.CallConnectionId && c.Name.StartsWith("Recognize", StringComparison.Ordinal))
            .Select(c => CallAutomationEventParser.Parse(BinaryData.FromString(new JsonArray(c.CloudEvent.DeepClone()).ToJsonString()))).ToList();
        var byTone = (RecognizeCompleted)completed[0];
        AssertResult(byTone, 200, 8533);
        byTone.ChoiceResult!.Label.Should().Be("Support");
        var bySpeech = (RecognizeCompleted)completed[1];
        AssertResult(bySpeech, 200, 8545);
        bySpeech.ChoiceResult!.Label.Should().Be("Sales");
        bySpeech.ChoiceResult.RecognizedPhrase.Should().Be("Sales");
        bySpeech.ChoiceResult.Confidence.Should().Be(0.8);
        AssertResult(completed[2], 500, 8534);
        AssertResult(completed[3], 400, 8547);
    }

    [Fact]
    public async Task Recognize_Speech_RecognizedThenNotRecognized()
    {
        var media = await AnswerAsync(script: [CallerInput.Say("I want to pay my bill", confidence: 0.93), CallerInput.Mumble()]);
        var options = new CallMediaRecognizeSpeechOptions(Phone(Scripted)) { Prompt = new TextSource("How can I help?") };

        await media.StartRecognizingAsync(options);
        var recognized = await EventAsync<RecognizeCompleted>(media.CallConnectionId);
        await media.StartRecognizingAsync(options);
        var failed = await EventAsync<RecognizeFailed>(media.CallConnectionId);

        AssertResult(recognized, 200, 8569);
        recognized.RecognitionType.Should().Be(RecognitionType.Speech);
        recognized.SpeechResult!.Speech.Should().Be("I want to pay my bill");
        recognized.SpeechResult.Confidence.Should().Be(0.93);
        AssertResult(failed, 400, 8563);
    }

    [Fact]
    public async Task Recognize_SpeechOrDtmf_TakesWhicheverComesFirst()
    {
        var media = await AnswerAsync(script: [CallerInput.Press("3"), CallerInput.Say("operator")]);
        var options = new CallMediaRecognizeSpeechOrDtmfOptions(Phone(Scripted), 1);

        await media.StartRecognizingAsync(options);
        (await EventAsync<RecognizeCompleted>(media.CallConnectionId)).RecognitionType.Should().Be(RecognitionType.Dtmf);
        await media.StartRecognizingAsync(options);

        (await EventAsync<RecognizeCompleted>(media.CallConnectionId, e => e.RecognitionType == RecognitionType.Speech)).SpeechResult!.Speech.Should().Be("operator");
    }

    [Fact]
    public async Task CancelAllMediaOperations_LoopingPlayAndQueuedRecognize_AreCanceledInOrder()
    {
        var media = await AnswerAsync();
        await media.PlayToAllAsync(new PlayToAllOptions(new FileSource(Music)) { Loop = true, OperationContext = "music" });
        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 1) { OperationContext = "queued" });
        await EventAsync<PlayStarted>(media.CallConnectionId);

        var response = await media.CancelAllMediaOperationsAsync();

        response.GetRawResponse().Status.Should().Be(202);
        var canceled = await EventAsync<RecognizeCanceled>(media.CallConnectionId);
        AssertResult(canceled, 400, 8508);
        canceled.OperationContext.Should().Be("queued");
        AssertResult(await EventAsync<PlayCanceled>(media.CallConnectionId), 400, 8508);
        MediaEvents(media.CallConnectionId).Should().Equal("PlayStarted", "PlayCanceled", "RecognizeCanceled");
    }

    [Fact]
    public async Task Play_InterruptCallMediaOperation_CancelsTheRunningPlay()
    {
        var media = await AnswerAsync();
        await media.PlayToAllAsync(new PlayToAllOptions(new FileSource(Music)) { Loop = true, OperationContext = "music" });
        await EventAsync<PlayStarted>(media.CallConnectionId);

        await media.PlayToAllAsync(new PlayToAllOptions(new FileSource(Greeting)) { InterruptCallMediaOperation = true, OperationContext = "urgent" });

        (await EventAsync<PlayCompleted>(media.CallConnectionId)).OperationContext.Should().Be("urgent");
        MediaEvents(media.CallConnectionId).Should().Equal("PlayStarted", "PlayCanceled", "PlayStarted", "PlayCompleted");
    }

    [Fact]
    public async Task CallerHangsUpDuringTheGreeting_CallDisconnectedIsTheLastEvent()
    {
        var media = await AnswerAsync(script: [CallerInput.HangUpDuringPrompt(TimeSpan.FromMilliseconds(100))]);
        Emulator.World.ConfigureMediaFile(Greeting, TimeSpan.FromSeconds(3));

        await media.PlayToAllAsync(new FileSource(Greeting));

        await AssertEndsWithCallDisconnectedAsync(media.CallConnectionId);
        MediaEvents(media.CallConnectionId).Should().Equal("PlayStarted", "CallDisconnected");
    }

    [Fact]
    public async Task ContinuousDtmf_ScriptedKeys_ReportedInSequenceThenStopped()
    {
        var media = await AnswerAsync(script: [CallerInput.Press("19") with { InterKeyDelay = TimeSpan.FromMilliseconds(50) }]);
        var options = new ContinuousDtmfRecognitionOptions(Phone(Scripted)) { OperationContext = "keys" };

        (await media.StartContinuousDtmfRecognitionAsync(options)).Status.Should().Be(200);
        await EventAsync<ContinuousDtmfRecognitionToneReceived>(media.CallConnectionId, e => e.SequenceId == 2);
        Emulator.PressKeys(media.CallConnectionId, Scripted, "*");
        var third = await EventAsync<ContinuousDtmfRecognitionToneReceived>(media.CallConnectionId, e => e.SequenceId == 3);
        (await media.StopContinuousDtmfRecognitionAsync(options)).Status.Should().Be(200);

        third.Tone.Should().Be(DtmfTone.Asterisk);
        (await EventAsync<ContinuousDtmfRecognitionToneReceived>(media.CallConnectionId, e => e.SequenceId == 1)).Tone.Should().Be(DtmfTone.One);
        AssertResult(await EventAsync<ContinuousDtmfRecognitionStopped>(media.CallConnectionId), 200, 0);
    }

    [Fact]
    public async Task SendDtmfTones_Completes_AndFailsWhenTheTargetLeftAGroupCall()
    {
        var media = await AnswerAsync();
        var sent = await media.SendDtmfTonesAsync(new SendDtmfTonesOptions(DtmfTones.Parse("123"), Phone(Scripted)) { OperationContext = "dtmf" });
        sent.GetRawResponse().Status.Should().Be(202);
        sent.Value.OperationContext.Should().Be("dtmf");
        AssertResult(await EventAsync<SendDtmfTonesCompleted>(media.CallConnectionId), 200, 0);

        var group = await Client.CreateGroupCallAsync(new CreateGroupCallOptions([new PhoneNumberIdentifier(Pstn), new CommunicationUserIdentifier(AcsUser)], Receiver.CallbackUri)
        {
            SourceCallerIdNumber = new PhoneNumberIdentifier(OwnedNumber),
        });
        var groupId = group.Value.CallConnection.CallConnectionId;
        await Emulator.WaitForCallAsync(groupId, c => c.Participants.Count == 2, Wait);
        await group.Value.CallConnection.GetCallMedia().SendDtmfTonesAsync(DtmfTones.Parse("1234"), new PhoneNumberIdentifier(Pstn));
        Emulator.HangUpParticipant(groupId, Pstn);

        AssertResult(await EventAsync<SendDtmfTonesFailed>(groupId), 400, 8558);
    }

    [Fact]
    public async Task HoldAndUnhold_ChangeTheParticipant_AndUnreachableMusicFails()
    {
        var media = await AnswerAsync();
        var connection = Client.GetCallConnection(media.CallConnectionId);

        (await media.HoldAsync(new HoldOptions(Phone(Scripted)) { PlaySource = new FileSource(Music) })).Status.Should().Be(200);
        (await connection.GetParticipantAsync(Phone(Scripted))).Value.IsOnHold.Should().BeTrue();
        (await media.UnholdAsync(new UnholdOptions(Phone(Scripted)))).Status.Should().Be(200);
        (await connection.GetParticipantAsync(Phone(Scripted))).Value.IsOnHold.Should().BeFalse();

        await media.HoldAsync(new HoldOptions(Phone(Scripted)) { PlaySource = new FileSource(Missing), OperationContext = "hold" });
        var failed = await EventAsync<HoldFailed>(media.CallConnectionId);
        AssertResult(failed, 400, 8536);
        failed.OperationContext.Should().Be("hold");
        (await connection.GetParticipantAsync(Phone(Scripted))).Value.IsOnHold.Should().BeFalse();

        var notInCall = async () => await media.HoldAsync(new HoldOptions(new PhoneNumberIdentifier("+15559990000")));
        (await notInCall.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
    }

    [Fact]
    public async Task MediaStreamingAndTranscription_StartUpdateStop_WithEventsAndSubscriptionState()
    {
        var media = await AnswerAsync(
            streaming: new MediaStreamingOptions(new Uri("wss://app.example/media"), MediaStreamingAudioChannel.Mixed) { StartMediaStreaming = false },
            transcription: new TranscriptionOptions(new Uri("wss://app.example/transcripts"), "en-US") { StartTranscription = true });
        var connection = Client.GetCallConnection(media.CallConnectionId);
        var started = await EventAsync<TranscriptionStarted>(media.CallConnectionId);
        started.TranscriptionUpdate!.TranscriptionStatus.Should().Be(TranscriptionStatus.TranscriptionStarted);

        (await media.StartMediaStreamingAsync(new StartMediaStreamingOptions { OperationContext = "stream" })).Status.Should().Be(202);
        var streaming = await EventAsync<MediaStreamingStarted>(media.CallConnectionId);
        streaming.MediaStreamingUpdate!.MediaStreamingStatusDetails.Should().Be(MediaStreamingStatusDetails.SubscriptionStarted);
        var again = async () => await media.StartMediaStreamingAsync();
        (await again.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);
        (await media.UpdateTranscriptionAsync("fr-FR")).Status.Should().Be(202);
        (await EventAsync<TranscriptionUpdated>(media.CallConnectionId)).TranscriptionUpdate!.TranscriptionStatusDetails.Should().Be(TranscriptionStatusDetails.TranscriptionLocaleUpdated);
        var properties = await Raw.GetAsync($"/calling/callConnections/{media.CallConnectionId}");
        properties.Body!["mediaStreamingSubscription"]!["state"]!.GetValue<string>().Should().Be("active");
        properties.Body!["transcriptionSubscription"]!["locale"]!.GetValue<string>().Should().Be("fr-FR");

        await media.StopMediaStreamingAsync();
        await media.StopTranscriptionAsync();
        await EventAsync<MediaStreamingStopped>(media.CallConnectionId);
        await EventAsync<TranscriptionStopped>(media.CallConnectionId);
        (await connection.GetCallConnectionPropertiesAsync()).Value.CallConnectionState.Should().Be(CallConnectionState.Connected);
    }

    [Fact]
    public async Task MediaStreaming_NotConfiguredOrUnreachable_FailsAsDocumented()
    {
        var plain = await AnswerAsync(caller: "+15550003333");
        var notConfigured = async () => await plain.StartMediaStreamingAsync();
        (await notConfigured.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);

        var media = await AnswerAsync(streaming: new MediaStreamingOptions(new Uri("wss://stream.invalid/media"), MediaStreamingAudioChannel.Unmixed));
        await media.StartMediaStreamingAsync();

        var failed = await EventAsync<MediaStreamingFailed>(media.CallConnectionId);
        failed.MediaStreamingUpdate!.MediaStreamingStatusDetails.Should().Be(MediaStreamingStatusDetails.StreamConnectionUnsuccessful);
    }

    [Fact]
    public async Task MediaRoutes_FaultInjectionAndRequestLog_CoverThem()
    {
        var media = await AnswerAsync();
        Emulator.Faults.FailNextRequests(1, 503);

        var injected = async () => await media.PlayToAllAsync(new FileSource(Greeting));

        // The client's retry policy resends the play after the injected 503.
        await injected.Should().NotThrowAsync();
        var plays = Emulator.RequestLog.Entries.Where(r => r.Operation == "CallMedia_Play").ToList();
        plays.Select(r => r.Status).Should().Equal(503, 202);
        plays[0].IsInjectedFault.Should().BeTrue();
        plays.Should().OnlyContain(r => r.CallConnectionId == media.CallConnectionId);
    }

    [Fact]
    public async Task ControlApi_ScriptsAPhoneAndPressesKeys()
    {
        using var http = new HttpClient { BaseAddress = Emulator.Endpoint };
        var script = new JsonObject
        {
            ["mediaScript"] = new JsonArray(new JsonObject { ["kind"] = "keys", ["digits"] = "2", ["delayMs"] = 100 }),
        };
        var put = await http.PutAsync($"emulator/identities/{Uri.EscapeDataString(Scripted)}", new StringContent(script.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        put.StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);
        var media = await AnswerAsync();

        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 1));
        (await EventAsync<RecognizeCompleted>(media.CallConnectionId)).DtmfResult!.Digits.Should().Be("2");
        await media.StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone(Scripted), 2) { InitialSilenceTimeout = TimeSpan.FromSeconds(5) });
        var press = await http.PostAsync($"emulator/calls/{media.CallConnectionId}/participants/{Uri.EscapeDataString(Scripted)}/dtmf",
            new StringContent("""{"digits":"45"}""", System.Text.Encoding.UTF8, "application/json"));

        press.StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);
        (await EventAsync<RecognizeCompleted>(media.CallConnectionId, e => e.DtmfResult?.Digits == "45")).Should().NotBeNull();
        var bad = await http.PostAsync($"emulator/calls/{media.CallConnectionId}/participants/{Uri.EscapeDataString(Scripted)}/dtmf",
            new StringContent("""{"digits":"4x"}""", System.Text.Encoding.UTF8, "application/json"));
        bad.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
    }
}
