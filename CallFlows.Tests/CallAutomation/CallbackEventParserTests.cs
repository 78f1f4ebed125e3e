using System.Text.Json;
using System.Text.Json.Serialization;
using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>Parsing of callback CloudEvents (PROTOCOL.md §7) and System.Text.Json round trips of every event type.</summary>
public class CallbackEventParserTests
{
    private const string Common = """
        "callConnectionId":"401f3500-62bd-46a9-8c09-9e1b06caca01","serverCallId":"server-9","correlationId":"corr-9",
        "resultInformation":{"code":487,"subCode":10004,"message":"timed out","sipDetails":{"code":487,"message":"Request Terminated"},"q850Details":{"code":16,"message":"Normal"}},
        "type":"OldStyleTypeKey","eventSource":"calling/callConnections/401f3500","somethingNew":{"nested":[1,2]}
        """;

    private const string User = """{"kind":"communicationUser","rawId":"8:acs:resource_user1","communicationUser":{"id":"8:acs:resource_user1"}}""";
    private const string Phone = """{"kind":"phoneNumber","rawId":"4:+16041234567","phoneNumber":{"value":"+16041234567","isAnonymous":false}}""";

    /// <summary>Extra data per event type (PROTOCOL.md §7.2); the common fields are added to each.</summary>
    private static readonly Dictionary<string, string> ExtraData = new()
    {
        ["CallConnected"] = "\"operationContext\":\"ctx\"",
        ["CallDisconnected"] = "\"operationContext\":\"ctx\"",
        ["CreateCallFailed"] = "\"operationContext\":\"ctx\"",
        ["AnswerFailed"] = "\"operationContext\":\"ctx\"",
        ["ConnectFailed"] = "\"operationContext\":\"ctx\"",
        ["ParticipantsUpdated"] = $$"""
            "sequenceNumber":7,"participants":[{"identifier":{{User}},"isMuted":true,"isOnHold":false},{"identifier":{{Phone}},"isMuted":false,"isOnHold":true}]
            """,
        ["CallTransferAccepted"] = $$"""
            "operationContext":"ctx","transferTarget":{{Phone}},"transferee":{{User}}
            """,
        ["CallTransferFailed"] = "\"operationContext\":\"ctx\"",
        ["AddParticipantSucceeded"] = $$"""
            "operationContext":"ctx","participant":{{Phone}}
            """,
        ["AddParticipantFailed"] = $$"""
            "operationContext":"ctx","participant":{{Phone}}
            """,
        ["CancelAddParticipantSucceeded"] = "\"operationContext\":\"ctx\",\"invitationId\":\"inv-1\"",
        ["CancelAddParticipantFailed"] = "\"operationContext\":\"ctx\",\"invitationId\":\"inv-1\"",
        ["RemoveParticipantSucceeded"] = $$"""
            "operationContext":"ctx","participant":{{User}}
            """,
        ["RemoveParticipantFailed"] = $$"""
            "operationContext":"ctx","participant":{{User}}
            """,
        ["MoveParticipantSucceeded"] = $$"""
            "operationContext":"ctx","participant":{{User}},"fromCall":"conn-0"
            """,
        ["MoveParticipantFailed"] = $$"""
            "operationContext":"ctx","participant":{{User}},"fromCall":"conn-0"
            """,
        ["PlayStarted"] = "\"operationContext\":\"ctx\"",
        ["PlayCompleted"] = "\"operationContext\":\"ctx\"",
        ["PlayFailed"] = "\"operationContext\":\"ctx\",\"failedPlaySourceIndex\":1",
        ["PlayCanceled"] = "\"operationContext\":\"ctx\"",
        ["RecognizeCompleted"] = """
            "operationContext":"ctx","recognitionType":"dtmf","dtmfResult":{"tones":["one","two","pound","asterisk","a","zero"],"futureKey":true}
            """,
        ["RecognizeFailed"] = "\"operationContext\":\"ctx\",\"failedPlaySourceIndex\":0",
        ["RecognizeCanceled"] = "\"operationContext\":\"ctx\"",
        ["ContinuousDtmfRecognitionToneReceived"] = "\"operationContext\":\"ctx\",\"tone\":\"nine\",\"sequenceId\":3",
        ["ContinuousDtmfRecognitionToneFailed"] = "\"operationContext\":\"ctx\"",
        ["ContinuousDtmfRecognitionStopped"] = "\"operationContext\":\"ctx\"",
        ["SendDtmfTonesCompleted"] = "\"operationContext\":\"ctx\"",
        ["SendDtmfTonesFailed"] = "\"operationContext\":\"ctx\"",
        ["HoldFailed"] = "\"operationContext\":\"ctx\"",
        ["RecordingStateChanged"] = """
            "operationContext":"ctx","recordingId":"rec-1","state":"active","startDateTime":"2024-05-01T10:00:00\u002B00:00","recordingKind":"azureCommunicationServices"
            """,
        ["StartRecordingFailed"] = "\"operationContext\":\"ctx\",\"recordingId\":\"rec-1\"",
        ["MediaStreamingStarted"] = """
            "operationContext":"ctx","mediaStreamingUpdate":{"contentType":"Audio","mediaStreamingStatus":"mediaStreamingStarted","mediaStreamingStatusDetails":"subscriptionStarted"}
            """,
        ["MediaStreamingStopped"] = """
            "operationContext":"ctx","mediaStreamingUpdate":{"contentType":"Audio","mediaStreamingStatus":"mediaStreamingStopped","mediaStreamingStatusDetails":"subscriptionStopped"}
            """,
        ["MediaStreamingFailed"] = """
            "operationContext":"ctx","mediaStreamingUpdate":{"contentType":"Audio","mediaStreamingStatus":"mediaStreamingFailed","mediaStreamingStatusDetails":"aStatusFromTheFuture"}
            """,
        ["TranscriptionStarted"] = """
            "operationContext":"ctx","transcriptionUpdate":{"transcriptionStatus":"transcriptionStarted","transcriptionStatusDetails":"subscriptionStarted"}
            """,
        ["TranscriptionStopped"] = """
            "operationContext":"ctx","transcriptionUpdate":{"transcriptionStatus":"transcriptionStopped","transcriptionStatusDetails":"subscriptionStopped"}
            """,
        ["TranscriptionFailed"] = """
            "operationContext":"ctx","transcriptionUpdate":{"transcriptionStatus":"transcriptionFailed","transcriptionStatusDetails":"speechServicesConnectionError"}
            """,
        ["TranscriptionUpdated"] = """
            "operationContext":"ctx","transcriptionUpdate":{"transcriptionStatus":"transcriptionUpdated","transcriptionStatusDetails":"transcriptionLocaleUpdated"}
            """,
    };

    public static TheoryData<string> EventNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ExtraData.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> OptionVariants() => new() { "default", "web", "snake_case_lower", "pascal_ignore_nulls_indented" };

    [Fact]
    public void KnownEventTypes_Table_CoversEveryCallControlMediaAndRecordingEventOfTheSpec()
    {
        CallAutomationEventParser.KnownEventTypes.Keys.Should().BeEquivalentTo(ExtraData.Keys.Select(k => "Microsoft.Communication." + k));
        CallAutomationEventParser.KnownEventTypes.Should().AllSatisfy(pair => pair.Value.Name.Should().Be(pair.Key["Microsoft.Communication.".Length..]));
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Parse_ArrayWithOneEvent_MapsTypeAndCommonFields(string name)
    {
        var parsed = CallAutomationEventParser.Parse(BinaryData.FromString($"[{CloudEvent(name)}]"));

        parsed.GetType().Name.Should().Be(name);
        AssertCommon(parsed, name);
        AssertSpecific(parsed);
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Parse_SingleObject_MapsTheSameAsArray(string name)
    {
        var single = CallAutomationEventParser.Parse(BinaryData.FromString(CloudEvent(name)));
        var fromArray = CallAutomationEventParser.ParseMany(BinaryData.FromString($"[{CloudEvent(name)}]")).Single();

        single.Should().BeEquivalentTo(fromArray, o => o.RespectingRuntimeTypes());
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void SystemTextJson_EveryEventType_RoundTripsAsItsOwnType(string name)
    {
        var parsed = CallAutomationEventParser.Parse(BinaryData.FromString(CloudEvent(name)));

        foreach (var options in AllOptions())
        {
            var json = JsonSerializer.Serialize(parsed, parsed.GetType(), options);
            var back = (CallAutomationEventBase)JsonSerializer.Deserialize(json, parsed.GetType(), options)!;

            back.Should().BeOfType(parsed.GetType());
            back.Should().BeEquivalentTo(parsed, o => o.RespectingRuntimeTypes(), $"round trip with options {json}");
            AssertCommon(back, name);
            AssertSpecific(back);
        }
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void SystemTextJson_AsBaseType_RoundTripsPolymorphically(string name)
    {
        var parsed = CallAutomationEventParser.Parse(BinaryData.FromString(CloudEvent(name)));

        foreach (var options in AllOptions())
        {
            var json = JsonSerializer.Serialize(parsed, options);
            var back = JsonSerializer.Deserialize<CallAutomationEventBase>(json, options)!;

            back.Should().BeOfType(parsed.GetType());
            back.Should().BeEquivalentTo(parsed, o => o.RespectingRuntimeTypes());
        }
    }

    [Fact]
    public void Parse_UnknownTypeWithOddData_NeverThrows()
    {
        var body = """{"id":"e-2","type":"Microsoft.Communication.SomethingNew","data":{"resultInformation":{"code":"not a number"},"callConnectionId":5}}""";

        var unknown = CallAutomationEventParser.Parse(BinaryData.FromString(body)).Should().BeOfType<UnknownCallAutomationEvent>().Subject;

        unknown.ResultInformation.Should().BeNull();
        unknown.CallConnectionId.Should().BeNull();
        CallAutomationEventParser.Parse(BinaryData.FromString("""{"id":"e-3","type":"Vendor.Other"}""")).Should().BeOfType<UnknownCallAutomationEvent>().Which.Data.Should().BeNull();
    }

    [Theory]
    [InlineData("\"participants\":null")]
    [InlineData("\"participants\":\"everyone\"")]
    [InlineData("\"participants\":[null]")]
    [InlineData("\"roster\":[]")]
    public void Parse_ParticipantsUpdatedWithoutARoster_IsRejectedNotReadAsEveryoneLeft(string participants)
    {
        var body = "{\"id\":\"e-4\",\"type\":\"Microsoft.Communication.ParticipantsUpdated\",\"data\":{\"callConnectionId\":\"c\",\"sequenceNumber\":1," + participants + "}}";

        var parse = () => CallAutomationEventParser.Parse(BinaryData.FromString(body));

        parse.Should().Throw<CallAutomationEventFormatException>().WithMessage("*participants*");
    }

    [Fact]
    public void Parse_ParticipantsUpdatedWithAnEmptyRoster_GivesEmptyList()
    {
        var body = """{"id":"e-5","type":"Microsoft.Communication.ParticipantsUpdated","data":{"callConnectionId":"c","sequenceNumber":2,"participants":[]}}""";

        CallAutomationEventParser.Parse(BinaryData.FromString(body)).Should().BeOfType<ParticipantsUpdated>().Which.Participants.Should().BeEmpty();
    }

    [Fact]
    public void ParseMany_SeveralEvents_KeepsOrder()
    {
        var body = $"[{CloudEvent("CallConnected")},{CloudEvent("ParticipantsUpdated")},{CloudEvent("CallDisconnected")}]";

        var events = CallAutomationEventParser.ParseMany(BinaryData.FromString(body));

        events.Select(e => e.GetType()).Should().Equal(typeof(CallConnected), typeof(ParticipantsUpdated), typeof(CallDisconnected));
    }

    [Fact]
    public void Parse_UnknownType_ReturnsUnknownEventWithRawData()
    {
        var body = """[{"id":"e-1","source":"calling/callConnections/c-1","type":"Microsoft.Communication.SomeFutureEvent","time":"2022-08-12T03:35:07.8174402+00:00","specversion":"1.0","data":{"callConnectionId":"c-1","operationContext":"ctx","correlationId":"corr","resultInformation":{"code":200,"subCode":0},"weird":true}}]""";

        var parsed = CallAutomationEventParser.Parse(BinaryData.FromString(body));

        var unknown = parsed.Should().BeOfType<UnknownCallAutomationEvent>().Subject;
        unknown.EventType.Should().Be("Microsoft.Communication.SomeFutureEvent");
        unknown.EventId.Should().Be("e-1");
        unknown.CallConnectionId.Should().Be("c-1");
        unknown.OperationContext.Should().Be("ctx");
        unknown.CorrelationId.Should().Be("corr");
        unknown.ResultInformation!.Code.Should().Be(200);
        JsonDocument.Parse(unknown.Data!.ToString()).RootElement.GetProperty("weird").GetBoolean().Should().BeTrue();

        var roundTripped = JsonSerializer.Deserialize<UnknownCallAutomationEvent>(JsonSerializer.Serialize(unknown))!;
        roundTripped.Data!.ToString().Should().Be(unknown.Data.ToString());
        roundTripped.EventType.Should().Be(unknown.EventType);
        var asBase = JsonSerializer.Deserialize<CallAutomationEventBase>(JsonSerializer.Serialize<CallAutomationEventBase>(unknown))!;
        asBase.Should().BeOfType<UnknownCallAutomationEvent>().Which.Data!.ToString().Should().Be(unknown.Data.ToString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"id\":\"x\"")]
    [InlineData("42")]
    [InlineData("[{\"id\":\"x\",\"data\":{}}]")]
    [InlineData("[{\"id\":\"x\",\"type\":\"Microsoft.Communication.CallConnected\"}]")]
    [InlineData("[{\"id\":\"x\",\"type\":\"Microsoft.Communication.ParticipantsUpdated\",\"data\":{\"participants\":\"nope\"}}]")]
    [InlineData("[{\"id\":\"x\",\"type\":\"Microsoft.Communication.CallConnected\",\"time\":\"yesterday\",\"data\":{}}]")]
    [InlineData("[]")]
    public void Parse_MalformedBody_ThrowsCallAutomationEventFormatException(string body)
    {
        var act = () => CallAutomationEventParser.Parse(BinaryData.FromString(body));

        act.Should().Throw<CallAutomationEventFormatException>().Which.Should().BeAssignableTo<FormatException>();
    }

    [Fact]
    public void Parse_AzureCoreCloudEvent_MapsEnvelopeAndData()
    {
        var cloudEvent = new Azure.Messaging.CloudEvent("calling/callConnections/c-1", "Microsoft.Communication.CallConnected",
            BinaryData.FromString("""{"callConnectionId":"c-1","operationContext":"ctx"}"""), "application/json") { Id = "e-7", Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        var parsed = CallAutomationEventParser.Parse(cloudEvent);

        parsed.Should().BeOfType<CallConnected>();
        parsed.EventId.Should().Be("e-7");
        parsed.EventTime.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        parsed.OperationContext.Should().Be("ctx");
    }

    [Fact]
    public void Parse_ParseManyOnEmptyArray_ReturnsEmpty()
    {
        CallAutomationEventParser.ParseMany(BinaryData.FromString("[]")).Should().BeEmpty();
    }

    [Fact]
    public void Parse_RecognizeCompletedWithChoice_ReadsLabelPhraseAndConfidence()
    {
        var body = """{"id":"e-c","type":"Microsoft.Communication.RecognizeCompleted","data":{"callConnectionId":"c","recognitionType":"choices","choiceResult":{"label":"Sales","recognizedPhrase":"sales please","confidence":0.87},"resultInformation":{"code":200,"subCode":8545,"message":"Action completed, speech option matched."}}}""";

        var recognized = CallAutomationEventParser.Parse(BinaryData.FromString(body)).Should().BeOfType<RecognizeCompleted>().Subject;

        recognized.RecognitionType.Should().Be(RecognitionType.Choices);
        recognized.ChoiceResult!.Label.Should().Be("Sales");
        recognized.ChoiceResult.RecognizedPhrase.Should().Be("sales please");
        recognized.ChoiceResult.Confidence.Should().Be(0.87);
        recognized.ResultInformation!.SubCode.Should().Be(8545);
    }

    [Fact]
    public void Parse_RecognizeCompletedWithSpeech_ReadsTextAndConfidence()
    {
        var body = """{"id":"e-s","type":"Microsoft.Communication.RecognizeCompleted","data":{"callConnectionId":"c","recognitionType":"speech","speechResult":{"speech":"I want to pay my bill","confidence":0.93}}}""";

        var recognized = CallAutomationEventParser.Parse(BinaryData.FromString(body)).Should().BeOfType<RecognizeCompleted>().Subject;

        recognized.RecognitionType.Should().Be(RecognitionType.Speech);
        recognized.SpeechResult!.Speech.Should().Be("I want to pay my bill");
        recognized.SpeechResult.Confidence.Should().Be(0.93);
    }

    [Fact]
    public void Parse_ParticipantsUpdatedWithBareIdentifiers_ReadsTheIdentifiers()
    {
        // The older payload shape (seen in the SDKs' tests): the participants array holds identifiers, not CallParticipant objects.
        var body = $$$"""{"id":"e-5","type":"Microsoft.Communication.ParticipantsUpdated","data":{"callConnectionId":"c","participants":[{{{User}}},{"rawId":"4:+16045550100","phoneNumber":{"value":"+16045550100"}}]}}""";

        var updated = CallAutomationEventParser.Parse(BinaryData.FromString(body)).Should().BeOfType<ParticipantsUpdated>().Subject;

        updated.Participants.Select(p => p.Identifier).Should().Equal(new CommunicationUserIdentifier("8:acs:resource_user1"), new PhoneNumberIdentifier("+16045550100"));
    }

    [Fact]
    public void Parse_ParticipantsUpdatedWithUnreadableParticipant_IsReportedInvalid()
    {
        var body = """{"id":"e-6","type":"Microsoft.Communication.ParticipantsUpdated","data":{"callConnectionId":"c","participants":[{"isMuted":true}]}}""";

        var act = () => CallAutomationEventParser.Parse(BinaryData.FromString(body));

        act.Should().Throw<CallAutomationEventFormatException>().WithMessage("*neither an 'identifier' nor*");
    }

    internal static IEnumerable<JsonSerializerOptions> AllOptions()
    {
        yield return new JsonSerializerOptions();
        yield return new JsonSerializerOptions(JsonSerializerDefaults.Web);
        yield return new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Converters = { new JsonStringEnumConverter() } };
        yield return new JsonSerializerOptions { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, PropertyNameCaseInsensitive = false };
    }

    private static string CloudEvent(string name) =>
        "{\"id\":\"evt-" + name + "\",\"source\":\"calling/callConnections/401f3500-62bd-46a9-8c09-9e1b06caca01\",\"type\":\"Microsoft.Communication." + name + "\","
        + "\"subject\":\"calling/callConnections/401f3500-62bd-46a9-8c09-9e1b06caca01\",\"time\":\"2022-08-12T03:35:07.8174402+00:00\","
        + "\"specversion\":\"1.0\",\"datacontenttype\":\"application/json\",\"data\":{" + Common + "," + ExtraData[name] + "}}";

    private static void AssertCommon(CallAutomationEventBase parsed, string name)
    {
        parsed.EventId.Should().Be($"evt-{name}");
        parsed.EventType.Should().Be($"Microsoft.Communication.{name}", "the envelope type wins over the old 'type' data key");
        parsed.EventTime.Should().Be(DateTimeOffset.Parse("2022-08-12T03:35:07.8174402+00:00", System.Globalization.CultureInfo.InvariantCulture));
        parsed.CallConnectionId.Should().Be("401f3500-62bd-46a9-8c09-9e1b06caca01");
        parsed.ServerCallId.Should().Be("server-9");
        parsed.CorrelationId.Should().Be("corr-9");
        parsed.OperationContext.Should().Be(name == "ParticipantsUpdated" ? null : "ctx");
        parsed.ResultInformation!.Code.Should().Be(487);
        parsed.ResultInformation.SubCode.Should().Be(10004);
        parsed.ResultInformation.Message.Should().Be("timed out");
        parsed.ResultInformation.SipDetails!.Code.Should().Be(487);
        parsed.ResultInformation.SipDetails.Message.Should().Be("Request Terminated");
        parsed.ResultInformation.Q850Details!.Code.Should().Be(16);
        parsed.ResultInformation.Q850Details.Message.Should().Be("Normal");
    }

    private static void AssertSpecific(CallAutomationEventBase parsed)
    {
        var user = new CommunicationUserIdentifier("8:acs:resource_user1");
        var phone = new PhoneNumberIdentifier("+16041234567");
        switch (parsed)
        {
            case ParticipantsUpdated updated:
                updated.SequenceNumber.Should().Be(7);
                updated.Participants.Should().HaveCount(2);
                updated.Participants[0].Identifier.Should().BeOfType<CommunicationUserIdentifier>().And.Be(user);
                updated.Participants[0].IsMuted.Should().BeTrue();
                updated.Participants[1].Identifier.Should().BeOfType<PhoneNumberIdentifier>().And.Be(phone);
                updated.Participants[1].IsOnHold.Should().BeTrue();
                break;
            case CallTransferAccepted accepted:
                accepted.TransferTarget.Should().Be(phone);
                accepted.Transferee.Should().Be(user);
                break;
            case AddParticipantSucceeded added:
                added.Participant.Should().BeOfType<PhoneNumberIdentifier>().And.Be(phone);
                break;
            case AddParticipantFailed failed:
                failed.Participant.Should().Be(phone);
                break;
            case CancelAddParticipantSucceeded canceled:
                canceled.InvitationId.Should().Be("inv-1");
                break;
            case CancelAddParticipantFailed cancelFailed:
                cancelFailed.InvitationId.Should().Be("inv-1");
                break;
            case RemoveParticipantSucceeded removed:
                removed.Participant.Should().Be(user);
                break;
            case RemoveParticipantFailed removeFailed:
                removeFailed.Participant.Should().Be(user);
                break;
            case MoveParticipantSucceeded moved:
                moved.Participant.Should().Be(user);
                moved.FromCall.Should().Be("conn-0");
                break;
            case PlayFailed playFailed:
                playFailed.FailedPlaySourceIndex.Should().Be(1);
                break;
            case RecognizeFailed recognizeFailed:
                recognizeFailed.FailedPlaySourceIndex.Should().Be(0);
                break;
            case RecognizeCompleted recognized:
                recognized.RecognitionType.Should().Be(RecognitionType.Dtmf);
                recognized.DtmfResult!.Tones.Should().Equal(DtmfTone.One, DtmfTone.Two, DtmfTone.Pound, DtmfTone.Asterisk, DtmfTone.A, DtmfTone.Zero);
                recognized.DtmfResult.Digits.Should().Be("12#*A0");
                recognized.ChoiceResult.Should().BeNull();
                recognized.SpeechResult.Should().BeNull();
                break;
            case ContinuousDtmfRecognitionToneReceived tone:
                tone.Tone.Should().Be(DtmfTone.Nine);
                tone.SequenceId.Should().Be(3);
                break;
            case RecordingStateChanged recording:
                recording.RecordingId.Should().Be("rec-1");
                recording.State.Should().Be(RecordingState.Active);
                recording.StartDateTime.Should().Be(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
                recording.RecordingKind.Should().Be(RecordingKind.AzureCommunicationServices);
                break;
            case StartRecordingFailed startFailed:
                startFailed.RecordingId.Should().Be("rec-1");
                break;
            case MediaStreamingStarted streaming:
                streaming.MediaStreamingUpdate!.ContentType.Should().Be("Audio");
                streaming.MediaStreamingUpdate.MediaStreamingStatus.Should().Be(MediaStreamingStatus.MediaStreamingStarted);
                streaming.MediaStreamingUpdate.MediaStreamingStatusDetails.Should().Be(MediaStreamingStatusDetails.SubscriptionStarted);
                break;
            case MediaStreamingFailed streamingFailed:
                streamingFailed.MediaStreamingUpdate!.MediaStreamingStatus.Should().Be(MediaStreamingStatus.MediaStreamingFailed);
                streamingFailed.MediaStreamingUpdate.MediaStreamingStatusDetails.Should().Be(MediaStreamingStatusDetails.Unknown, "a value added later reads as Unknown");
                break;
            case TranscriptionUpdated transcription:
                transcription.TranscriptionUpdate!.TranscriptionStatus.Should().Be(TranscriptionStatus.TranscriptionUpdated);
                transcription.TranscriptionUpdate.TranscriptionStatusDetails.Should().Be(TranscriptionStatusDetails.TranscriptionLocaleUpdated);
                break;
            case TranscriptionFailed transcriptionFailed:
                transcriptionFailed.TranscriptionUpdate!.TranscriptionStatusDetails.Should().Be(TranscriptionStatusDetails.SpeechServicesConnectionError);
                break;
            case MoveParticipantFailed moveFailed:
                moveFailed.Participant.Should().Be(user);
                moveFailed.FromCall.Should().Be("conn-0");
                break;
        }
    }
}
