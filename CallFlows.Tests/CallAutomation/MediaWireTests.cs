using System.Globalization;
using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>
/// Every media and recording operation of the client against a real loopback server: method, path, <c>api-version</c>,
/// repeatability exactly where the spec declares it, HMAC signature, and a body equal to the expected JSON and valid
/// against the spec's request schema (2026-03-12).
/// </summary>
public class MediaWireTests
{
    private static readonly CommunicationUserIdentifier User = new("8:acs:resource_user1");
    private static readonly PhoneNumberIdentifier Phone = new("+16041234567");
    private static readonly Uri Callback = new("https://app.example/api/callbacks?instance=abc");
    private static readonly Uri Music = new("https://cdn.example/hold.wav");

    private const string UserJson = """{"kind":"communicationUser","rawId":"8:acs:resource_user1","communicationUser":{"id":"8:acs:resource_user1"}}""";
    private const string PhoneJson = """{"kind":"phoneNumber","rawId":"4:+16041234567","phoneNumber":{"value":"+16041234567","isAnonymous":false}}""";

    private static readonly Lazy<SwaggerSchemaValidator> Spec = new(() => new SwaggerSchemaValidator(ReferenceFiles.SpecPath));

    /// <summary>Operation name → (call, expected method, expected path, expected body or null for none).</summary>
    private static readonly Dictionary<string, (Func<CallAutomationClient, Task> Call, string Method, string Path, string? Body)> Operations = new()
    {
        ["playFileToAll"] = (c => Media(c).PlayToAllAsync(new PlayToAllOptions(new FileSource(Music) { PlaySourceCacheId = "hold-1" }) { Loop = true, InterruptCallMediaOperation = true, OperationContext = "ctx-play" }),
            "POST", "/calling/callConnections/conn-1:play",
            """{"playSources":[{"kind":"file","playSourceCacheId":"hold-1","file":{"uri":"https://cdn.example/hold.wav"}}],"playTo":[],"interruptCallMediaOperation":true,"playOptions":{"loop":true},"operationContext":"ctx-play"}"""),
        ["playTextAndSsmlToParticipant"] = (c => Media(c).PlayAsync(new PlayOptions([new TextSource("Welcome to Contoso", "en-US", VoiceKind.Female) { VoiceName = "en-US-NancyNeural" }, new SsmlSource("<speak>Hi</speak>")], [Phone]) { OperationCallbackUri = Callback }),
            "POST", "/calling/callConnections/conn-1:play",
            $$$"""{"playSources":[{"kind":"text","text":{"text":"Welcome to Contoso","sourceLocale":"en-US","voiceKind":"female","voiceName":"en-US-NancyNeural"}},{"kind":"ssml","ssml":{"ssmlText":"<speak>Hi</speak>"}}],"playTo":[{{{PhoneJson}}}],"playOptions":{"loop":false},"operationCallbackUri":"https://app.example/api/callbacks?instance=abc"}"""),
        ["recognizeDtmf"] = (c => Media(c).StartRecognizingAsync(new CallMediaRecognizeDtmfOptions(Phone, 4)
            {
                Prompt = new FileSource(Music), InterruptPrompt = true, InitialSilenceTimeout = TimeSpan.FromSeconds(5), InterToneTimeout = TimeSpan.FromSeconds(2),
                StopTones = { DtmfTone.Pound, DtmfTone.Asterisk }, OperationContext = "ctx-menu",
            }),
            "POST", "/calling/callConnections/conn-1:recognize",
            $$$"""{"recognizeInputType":"dtmf","playPrompt":{"kind":"file","file":{"uri":"https://cdn.example/hold.wav"}},"recognizeOptions":{"interruptPrompt":true,"initialSilenceTimeoutInSeconds":5,"targetParticipant":{{{PhoneJson}}},"dtmfOptions":{"interToneTimeoutInSeconds":2,"maxTonesToCollect":4,"stopTones":["pound","asterisk"]}},"operationContext":"ctx-menu"}"""),
        ["recognizeChoices"] = (c => Media(c).StartRecognizingAsync(new CallMediaRecognizeChoiceOptions(Phone, [new RecognitionChoice("Sales", ["sales", "buy"]) { Tone = DtmfTone.One }, new RecognitionChoice("Support", ["support"]) { Tone = DtmfTone.Two }])
            {
                Prompts = [new TextSource("For sales press 1"), new TextSource("For support press 2")], SpeechLanguage = "en-US", InterruptCallMediaOperation = false,
            }),
            "POST", "/calling/callConnections/conn-1:recognize",
            $$$"""{"recognizeInputType":"choices","playPrompts":[{"kind":"text","text":{"text":"For sales press 1"}},{"kind":"text","text":{"text":"For support press 2"}}],"interruptCallMediaOperation":false,"recognizeOptions":{"interruptPrompt":false,"targetParticipant":{{{PhoneJson}}},"speechLanguage":"en-US","choices":[{"label":"Sales","phrases":["sales","buy"],"tone":"one"},{"label":"Support","phrases":["support"],"tone":"two"}]}}"""),
        ["recognizeSpeech"] = (c => Media(c).StartRecognizingAsync(new CallMediaRecognizeSpeechOptions(User) { EndSilenceTimeout = TimeSpan.FromMilliseconds(1500), SpeechRecognitionModelEndpointId = "model-1" }),
            "POST", "/calling/callConnections/conn-1:recognize",
            $$$$"""{"recognizeInputType":"speech","recognizeOptions":{"interruptPrompt":false,"targetParticipant":{{{{UserJson}}}},"speechRecognitionModelEndpointId":"model-1","speechOptions":{"endSilenceTimeoutInMs":1500}}}"""),
        ["recognizeSpeechOrDtmf"] = (c => Media(c).StartRecognizingAsync(new CallMediaRecognizeSpeechOrDtmfOptions(Phone, 1) { EndSilenceTimeout = TimeSpan.FromSeconds(1), InitialSilenceTimeout = TimeSpan.FromMilliseconds(2500) }),
            "POST", "/calling/callConnections/conn-1:recognize",
            $$$$"""{"recognizeInputType":"speechOrDtmf","recognizeOptions":{"interruptPrompt":false,"initialSilenceTimeoutInSeconds":3,"targetParticipant":{{{{PhoneJson}}}},"dtmfOptions":{"maxTonesToCollect":1},"speechOptions":{"endSilenceTimeoutInMs":1000}}}"""),
        ["cancelAllMediaOperations"] = (c => Media(c).CancelAllMediaOperationsAsync(), "POST", "/calling/callConnections/conn-1:cancelAllMediaOperations", null),
        ["startContinuousDtmf"] = (c => Media(c).StartContinuousDtmfRecognitionAsync(new ContinuousDtmfRecognitionOptions(Phone) { OperationContext = "ctx-c" }),
            "POST", "/calling/callConnections/conn-1:startContinuousDtmfRecognition", $$$"""{"targetParticipant":{{{PhoneJson}}},"operationContext":"ctx-c"}"""),
        ["stopContinuousDtmf"] = (c => Media(c).StopContinuousDtmfRecognitionAsync(new ContinuousDtmfRecognitionOptions(Phone)),
            "POST", "/calling/callConnections/conn-1:stopContinuousDtmfRecognition", $$$"""{"targetParticipant":{{{PhoneJson}}}}"""),
        ["sendDtmfTones"] = (c => Media(c).SendDtmfTonesAsync(new SendDtmfTonesOptions(DtmfTones.Parse("12#"), Phone) { OperationContext = "ctx-dtmf" }),
            "POST", "/calling/callConnections/conn-1:sendDtmfTones", $$$"""{"tones":["one","two","pound"],"targetParticipant":{{{PhoneJson}}},"operationContext":"ctx-dtmf"}"""),
        ["hold"] = (c => Media(c).HoldAsync(new HoldOptions(Phone) { PlaySource = new FileSource(Music), OperationContext = "ctx-hold" }),
            "POST", "/calling/callConnections/conn-1:hold", $$$"""{"targetParticipant":{{{PhoneJson}}},"playSourceInfo":{"kind":"file","file":{"uri":"https://cdn.example/hold.wav"}},"operationContext":"ctx-hold"}"""),
        ["unhold"] = (c => Media(c).UnholdAsync(new UnholdOptions(Phone) { OperationContext = "ctx-unhold" }),
            "POST", "/calling/callConnections/conn-1:unhold", $$$"""{"targetParticipant":{{{PhoneJson}}},"operationContext":"ctx-unhold"}"""),
        ["startMediaStreaming"] = (c => Media(c).StartMediaStreamingAsync(new StartMediaStreamingOptions { OperationContext = "ctx-ms" }),
            "POST", "/calling/callConnections/conn-1:startMediaStreaming", """{"operationContext":"ctx-ms"}"""),
        ["stopMediaStreaming"] = (c => Media(c).StopMediaStreamingAsync(), "POST", "/calling/callConnections/conn-1:stopMediaStreaming", "{}"),
        ["startTranscription"] = (c => Media(c).StartTranscriptionAsync(new StartTranscriptionOptions { Locale = "en-US", OperationContext = "ctx-tr" }),
            "POST", "/calling/callConnections/conn-1:startTranscription", """{"locale":"en-US","operationContext":"ctx-tr"}"""),
        ["stopTranscription"] = (c => Media(c).StopTranscriptionAsync(new StopTranscriptionOptions { OperationCallbackUri = Callback }),
            "POST", "/calling/callConnections/conn-1:stopTranscription", """{"operationCallbackUri":"https://app.example/api/callbacks?instance=abc"}"""),
        ["updateTranscription"] = (c => Media(c).UpdateTranscriptionAsync("fr-FR"), "POST", "/calling/callConnections/conn-1:updateTranscription", """{"locale":"fr-FR"}"""),
        ["startRecording"] = (c => c.GetCallRecording().StartAsync(new StartRecordingOptions(new ServerCallLocator("server-1"))
            {
                RecordingStateCallbackUri = Callback, RecordingContent = RecordingContent.Audio, RecordingChannel = RecordingChannel.Unmixed, RecordingFormat = RecordingFormat.Wav,
                AudioChannelParticipantOrdering = { Phone }, ChannelAffinity = { new ChannelAffinity(User, 1) }, PauseOnStart = true,
                ExternalStorage = new RecordingStorage(new Uri("https://acct.blob.core.windows.net/recordings")),
            }),
            "POST", "/calling/recordings",
            $$$"""{"callLocator":{"serverCallId":"server-1","kind":"serverCallLocator"},"recordingStateCallbackUri":"https://app.example/api/callbacks?instance=abc","recordingContentType":"audio","recordingChannelType":"unmixed","recordingFormatType":"wav","audioChannelParticipantOrdering":[{{{PhoneJson}}}],"channelAffinity":[{"channel":1,"participant":{{{UserJson}}}}],"pauseOnStart":true,"externalStorage":{"recordingStorageKind":"azureBlobStorage","recordingDestinationContainerUrl":"https://acct.blob.core.windows.net/recordings"}}"""),
        ["startRecordingByConnection"] = (c => c.GetCallRecording().StartAsync(new StartRecordingOptions("conn-1")), "POST", "/calling/recordings", """{"callConnectionId":"conn-1"}"""),
        ["getRecordingState"] = (c => c.GetCallRecording().GetStateAsync("rec/1"), "GET", "/calling/recordings/rec%2F1", null),
        ["pauseRecording"] = (c => c.GetCallRecording().PauseAsync("rec-1"), "POST", "/calling/recordings/rec-1:pause", null),
        ["resumeRecording"] = (c => c.GetCallRecording().ResumeAsync("rec-1"), "POST", "/calling/recordings/rec-1:resume", null),
        ["stopRecording"] = (c => c.GetCallRecording().StopAsync("rec-1"), "DELETE", "/calling/recordings/rec-1", null),
    };

    public static TheoryData<string> OperationNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Operations.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Operations_CoverEveryMediaAndRecordingOperationOfTheSpec()
    {
        var specOperations = Spec.Value.Root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name != "parameters").Select(m => (Path: p.Name, Method: m.Name.ToUpperInvariant(), Id: m.Value.GetProperty("operationId").GetString()!)))
            .Where(o => o.Id.StartsWith("CallMedia_", StringComparison.Ordinal) || o.Id.StartsWith("CallRecording_", StringComparison.Ordinal))
            .Select(o => o.Id)
            .ToHashSet();
        var covered = Operations.Values.Select(o => Spec.Value.FindOperation(o.Method, o.Path).Operation.GetProperty("operationId").GetString()!).ToHashSet();

        covered.Should().BeEquivalentTo(specOperations);
    }

    [Theory]
    [MemberData(nameof(OperationNames))]
    public async Task Operation_SentToLoopback_MatchesTheSpecOnTheWire(string name)
    {
        var (call, method, path, body) = Operations[name];
        await using var harness = new ClientHarness();

        await call(harness.Client);

        var request = harness.SingleRequest();
        request.Method.Should().Be(method);
        request.Path.Should().Be(path);
        request.Query.Should().Be("api-version=2026-03-12");
        HmacVerifier.AssertSigned(request);
        request.Headers["Accept"].Should().Be("application/json");
        var (_, operation) = Spec.Value.FindOperation(request.Method, request.Path);
        var declared = Spec.Value.HeaderParameters(operation);
        (request.Headers["Repeatability-Request-ID"] is not null).Should().Be(declared.Contains("Repeatability-Request-ID"), "repeatability is sent exactly where the spec declares it");
        if (declared.Contains("Repeatability-First-Sent"))
        {
            DateTimeOffset.ParseExact(request.Headers["Repeatability-First-Sent"]!, "r", CultureInfo.InvariantCulture).Should().Be(harness.Time.GetUtcNow());
        }

        if (body is null)
        {
            request.Body.Should().BeEmpty();
            request.Headers["Content-Type"].Should().BeNull();
            return;
        }

        request.Headers["Content-Type"].Should().StartWith("application/json");
        request.BodyText.Should().Be(body, "fields, order and escaping are as expected");
        var schema = Spec.Value.BodySchema(operation);
        schema.Should().NotBeNull();
        Spec.Value.Validate(schema!.Value, JsonDocument.Parse(request.Body).RootElement, isRequest: true).Should().BeEmpty();
    }

    [Fact]
    public async Task StartAsync_RecordingResponse_ParsesIdStateAndKind()
    {
        await using var harness = new ClientHarness();

        var started = await harness.Client.GetCallRecording().StartAsync(new StartRecordingOptions(new ServerCallLocator("server-1")));
        var state = await harness.Client.GetCallRecording().GetStateAsync("rec-1");

        started.Value.RecordingId.Should().Be("rec-1");
        started.Value.RecordingState.Should().Be(RecordingState.Active);
        started.Value.RecordingKind.Should().Be(RecordingKind.AzureCommunicationServices);
        state.Value.RecordingState.Should().Be(RecordingState.Inactive);
        state.Value.RecordingKind.Should().BeNull();
    }

    [Fact]
    public async Task SendDtmfTonesAsync_Response_ParsesOperationContext()
    {
        await using var harness = new ClientHarness();

        var result = await Media(harness.Client).SendDtmfTonesAsync(DtmfTones.Parse("9"), Phone);

        result.Value.OperationContext.Should().Be("ctx-dtmf");
        result.GetRawResponse().Status.Should().Be(202);
    }

    [Fact]
    public async Task DownloadAndDelete_RecordingLocations_AreSignedRequestsToTheGivenUrls()
    {
        var wav = new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3 };
        await using var harness = new ClientHarness(r => r.Method == "GET" ? new LoopbackReply(200, System.Text.Encoding.Latin1.GetString(wav)) : new LoopbackReply(200));
        var content = new Uri(harness.Server.Endpoint, "v1/objects/doc-1/content/audio");
        var delete = new Uri(harness.Server.Endpoint, "v1/objects/doc-1");
        using var destination = new MemoryStream();

        await harness.Client.GetCallRecording().DownloadToAsync(content, destination);
        await harness.Client.GetCallRecording().DeleteAsync(delete);

        harness.Requests.Select(r => (r.Method, r.RawUrl)).Should().Equal(("GET", "/v1/objects/doc-1/content/audio"), ("DELETE", "/v1/objects/doc-1"));
        harness.Requests.Should().AllSatisfy(HmacVerifier.AssertSigned);
        destination.ToArray().Should().Equal(wav);
    }

    [Fact]
    public async Task CreateAnswerConnect_MediaOptions_AreSentAsTheSpecNamesThem()
    {
        await using var harness = new ClientHarness();
        var intelligence = new CallIntelligenceOptions { CognitiveServicesEndpoint = new Uri("https://contoso-ai.cognitiveservices.azure.com/") };
        var streaming = new MediaStreamingOptions(new Uri("wss://app.example/media"), MediaStreamingAudioChannel.Unmixed)
        {
            Content = MediaStreamingContent.Audio, StartMediaStreaming = false, EnableBidirectional = true, AudioFormat = AudioFormat.Pcm24KMono, EnableDtmfTones = true,
        };
        var transcription = new TranscriptionOptions(new Uri("wss://app.example/transcripts"), "en-US") { StartTranscription = true, EnableIntermediateResults = false, SpeechModelEndpointId = "m-1" };

        await harness.Client.CreateCallAsync(new CreateCallOptions(new CallInvite(User), Callback) { CallIntelligenceOptions = intelligence, MediaStreamingOptions = streaming, TranscriptionOptions = transcription });
        await harness.Client.CreateGroupCallAsync(new CreateGroupCallOptions([User], Callback) { CallIntelligenceOptions = intelligence });
        await harness.Client.AnswerCallAsync(new AnswerCallOptions("CTX", Callback) { CallIntelligenceOptions = intelligence, TranscriptionOptions = transcription });
        await harness.Client.ConnectCallAsync(new ConnectCallOptions(new ServerCallLocator("server-1"), Callback) { MediaStreamingOptions = streaming });

        var bodies = harness.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        bodies[0].GetProperty("callIntelligenceOptions").GetRawText().Should().Be("""{"cognitiveServicesEndpoint":"https://contoso-ai.cognitiveservices.azure.com/"}""");
        bodies[0].GetProperty("mediaStreamingOptions").GetRawText().Should().Be(
            """{"transportType":"websocket","audioChannelType":"unmixed","transportUrl":"wss://app.example/media","contentType":"audio","startMediaStreaming":false,"enableBidirectional":true,"audioFormat":"pcm24KMono","enableDtmfTones":true}""");
        bodies[0].GetProperty("transcriptionOptions").GetRawText().Should().Be(
            """{"transportType":"websocket","locale":"en-US","transportUrl":"wss://app.example/transcripts","speechModelEndpointId":"m-1","startTranscription":true,"enableIntermediateResults":false}""");
        bodies[1].TryGetProperty("callIntelligenceOptions", out _).Should().BeTrue();
        bodies[2].TryGetProperty("transcriptionOptions", out _).Should().BeTrue();
        bodies[2].TryGetProperty("mediaStreamingOptions", out _).Should().BeFalse("unset options are not sent");
        bodies[3].TryGetProperty("mediaStreamingOptions", out _).Should().BeTrue();
        foreach (var request in harness.Requests)
        {
            var (_, operation) = Spec.Value.FindOperation(request.Method, request.Path);
            Spec.Value.Validate(Spec.Value.BodySchema(operation)!.Value, JsonDocument.Parse(request.Body).RootElement, isRequest: true).Should().BeEmpty();
        }
    }

    [Fact]
    public void DtmfTones_ParseAndFormat_RoundTripTheKeypad()
    {
        var tones = DtmfTones.Parse("0123456789abcd#*");

        tones.Should().HaveCount(16).And.NotContain(DtmfTone.Unknown);
        DtmfTones.ToDigits(tones).Should().Be("0123456789ABCD#*");
        FluentActions.Invoking(() => DtmfTones.Parse("1x")).Should().Throw<ArgumentException>().WithMessage("*'x'*");
    }

    [Fact]
    public void Options_InvalidArguments_AreRejectedBeforeSending()
    {
        FluentActions.Invoking(() => new CallMediaRecognizeDtmfOptions(Phone, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new PlayToAllOptions(Array.Empty<PlaySource>())).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new SendDtmfTonesOptions([DtmfTone.Unknown], Phone)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new CallMediaRecognizeChoiceOptions(Phone, [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new TextSource(string.Empty)).Should().Throw<ArgumentException>();
    }

    private static CallMedia Media(CallAutomationClient client) => client.GetCallConnection("conn-1").GetCallMedia();
}
