using CallFlows.CallAutomation;

namespace CallFlows.Tests.Flows;

public sealed class CallbackEnvelopeTests
{
    private static CallAutomationEventBase Parse(string type, string data, string id = "evt-1") =>
        CallAutomationEventParser.Parse(BinaryData.FromString(
            $$"""[{"id":"{{id}}","source":"calling/callConnections/conn-1","type":"Microsoft.Communication.{{type}}","time":"2026-11-24T15:00:00Z","specversion":"1.0","data":{{data}}}]"""));

    [Fact]
    public void FromEvent_AddParticipantFailed_RoundTripsTypedEventWithResult()
    {
        var parsed = Parse("AddParticipantFailed",
            """{"callConnectionId":"conn-1","operationContext":"cf-2-AddParticipant-1234abcd","participant":{"kind":"phoneNumber","rawId":"4:+14255550123","phoneNumber":{"value":"+14255550123"}},"resultInformation":{"code":486,"subCode":0,"message":"busy"}}""");

        var envelope = CallbackEnvelope.FromEvent(parsed);
        var back = envelope.ToEvent();

        envelope.EventId.Should().Be("evt-1");
        envelope.Name.Should().Be("AddParticipantFailed");
        envelope.OperationContext.Should().Be("cf-2-AddParticipant-1234abcd");
        envelope.CallConnectionId.Should().Be("conn-1");
        var failed = back.Should().BeOfType<AddParticipantFailed>().Subject;
        failed.ResultInformation!.Code.Should().Be(486);
        failed.Participant!.RawId.Should().Be("4:+14255550123");
        failed.EventTime.Should().Be(DateTimeOffset.Parse("2026-11-24T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromEvent_ParticipantsUpdated_KeepsRosterAndSequenceNumber()
    {
        var parsed = Parse("ParticipantsUpdated",
            """{"callConnectionId":"conn-1","sequenceNumber":5,"participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:a","communicationUser":{"id":"8:acs:a"}},"isMuted":true}]}""");

        var back = CallbackEnvelope.FromEvent(parsed).ToEvent().Should().BeOfType<ParticipantsUpdated>().Subject;

        back.SequenceNumber.Should().Be(5);
        back.Participants.Should().ContainSingle().Which.Identifier!.RawId.Should().Be("8:acs:a");
        back.Participants[0].IsMuted.Should().BeTrue();
    }

    [Fact]
    public void FromEvent_UnknownType_KeepsRawDataForTheRecord()
    {
        var parsed = Parse("SomeFutureEvent", """{"callConnectionId":"conn-1","operationContext":"x"}""");

        var envelope = CallbackEnvelope.FromEvent(parsed);

        envelope.EventType.Should().Be("Microsoft.Communication.SomeFutureEvent");
        envelope.Data!.Value.GetRawText().Should().Contain("\"operationContext\":\"x\"");
        envelope.ToEvent().Should().BeOfType<UnknownCallAutomationEvent>().Which.EventType.Should().Be("Microsoft.Communication.SomeFutureEvent");
    }

    [Fact]
    public void FromEvent_Envelope_SurvivesJsonSerializationAsEventPayload()
    {
        var envelope = CallbackEnvelope.FromEvent(Parse("CallConnected", """{"callConnectionId":"conn-1","operationContext":"cf-1-AnswerCall-00000000"}"""));

        // Durable Task serializes event payloads with System.Text.Json; the envelope must come back equal.
        var json = System.Text.Json.JsonSerializer.Serialize(envelope);
        var back = System.Text.Json.JsonSerializer.Deserialize<CallbackEnvelope>(json);

        back.Should().BeEquivalentTo(envelope, o => o.Excluding(e => e.Data));
        System.Text.Json.JsonSerializer.Serialize(back).Should().Be(json);
        back!.ToEvent().Should().BeOfType<CallConnected>().Which.OperationContext.Should().Be("cf-1-AnswerCall-00000000");
        json.Length.Should().BeLessThan(600, "envelopes stay small to keep replay cheap");
    }

    [Fact]
    public void FromEvent_NoCloudEventId_IsRefused()
    {
        var act = () => CallbackEnvelope.FromEvent(new CallConnected { EventType = "Microsoft.Communication.CallConnected" });

        act.Should().Throw<ArgumentException>();
    }
}
