using CallFlows.CallAutomation;

namespace CallFlows.Tests.CallAutomation;

/// <summary>The Event Grid <c>Microsoft.Communication.RecordingFileStatusUpdated</c> event, in both delivery schemas.</summary>
public class EventGridEventParserTests
{
    private const string Data = """
        {"recordingStorageInfo":{"recordingChunks":[{"documentId":"0-eus-d2-3cca2175891f21c6c9a5975a12c0141c","index":0,"endReason":"SessionEnded",
          "contentLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d2-3cca2175891f21c6c9a5975a12c0141c/content/audio",
          "metadataLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d2-3cca2175891f21c6c9a5975a12c0141c/content/acsmetadata",
          "deleteLocation":"https://storage.asm.skype.com/v1/objects/0-eus-d2-3cca2175891f21c6c9a5975a12c0141c","someNewChunkField":1}]},
         "recordingStartTime":"2021-07-27T15:20:23.6089755Z","recordingDurationMs":6620,"recordingContentType":"Audio","recordingChannelType":"Mixed",
         "recordingFormatType":"Wav","sessionEndReason":"CallEnded","someNewField":{"x":1}}
        """;

    private const string Subject = "/recording/call/4ab31d9c-a6ac-4f15-b8c5-1bb0d5b66a28/serverCallId/server-9";

    [Fact]
    public void ParseMany_EventGridSchema_ReadsChunksAndLocations()
    {
        var body = $$"""
            [{"id":"e-1","topic":"/subscriptions/x/resourceGroups/r/providers/Microsoft.Communication/communicationServices/acs","subject":"{{Subject}}",
              "data":{{Data}},"eventType":"Microsoft.Communication.RecordingFileStatusUpdated","dataVersion":"1.0","metadataVersion":"1","eventTime":"2021-07-27T15:20:34.2199328Z"}]
            """;

        var result = EventGridEventParser.ParseMany(BinaryData.FromString(body)).Single();

        result.Kind.Should().Be(EventGridParseResultKind.RecordingFileStatusUpdated);
        AssertRecording(result.RecordingFileStatusUpdated!);
    }

    [Fact]
    public void Parse_CloudEventsSchema_ReadsTheSame()
    {
        var body = $$"""{"specversion":"1.0","id":"e-1","source":"/subscriptions/x","subject":"{{Subject}}","type":"Microsoft.Communication.RecordingFileStatusUpdated","time":"2021-07-27T15:20:34.2199328Z","data":{{Data}}}""";

        var result = EventGridEventParser.Parse(BinaryData.FromString(body));

        result.Kind.Should().Be(EventGridParseResultKind.RecordingFileStatusUpdated);
        AssertRecording(result.RecordingFileStatusUpdated!);
    }

    [Fact]
    public void IncomingCallParser_RecordingEvent_IsReportedAsOther()
    {
        var body = $$"""[{"id":"e-1","topic":"/t","subject":"{{Subject}}","data":{{Data}},"eventType":"Microsoft.Communication.RecordingFileStatusUpdated","dataVersion":"1.0","eventTime":"2021-07-27T15:20:34Z"}]""";

        var result = EventGridIncomingCallParser.Parse(BinaryData.FromString(body));

        result.Kind.Should().Be(EventGridParseResultKind.Other, "an incoming-call endpoint does not take recording events");
        result.RecordingFileStatusUpdated.Should().BeNull();
    }

    [Fact]
    public void Parse_RecordingEventWithoutChunks_IsReportedMalformed()
    {
        var body = """[{"id":"e-2","topic":"/t","subject":"s","data":{"recordingStorageInfo":{}},"eventType":"Microsoft.Communication.RecordingFileStatusUpdated","dataVersion":"1.0","eventTime":"2021-07-27T15:20:34Z"}]""";

        var act = () => EventGridEventParser.Parse(BinaryData.FromString(body));

        act.Should().Throw<CallAutomationEventFormatException>().WithMessage("*e-2*recordingChunks*");
    }

    private static void AssertRecording(RecordingFileStatusUpdated recording)
    {
        recording.EventId.Should().Be("e-1");
        recording.ServerCallId.Should().Be("server-9");
        recording.RecordingStartTime.Should().Be(new DateTimeOffset(2021, 7, 27, 15, 20, 23, TimeSpan.Zero).AddTicks(6089755));
        recording.RecordingDuration.Should().Be(TimeSpan.FromMilliseconds(6620));
        recording.RecordingFormatType.Should().Be("Wav");
        recording.RecordingChannelType.Should().Be("Mixed");
        recording.RecordingContentType.Should().Be("Audio");
        recording.SessionEndReason.Should().Be("CallEnded");
        var chunk = recording.RecordingChunks.Should().ContainSingle().Subject;
        chunk.DocumentId.Should().Be("0-eus-d2-3cca2175891f21c6c9a5975a12c0141c");
        chunk.EndReason.Should().Be("SessionEnded");
        chunk.ContentLocation!.AbsolutePath.Should().EndWith("/content/audio");
        chunk.MetadataLocation!.AbsolutePath.Should().EndWith("/content/acsmetadata");
        chunk.DeleteLocation!.AbsolutePath.Should().Be("/v1/objects/0-eus-d2-3cca2175891f21c6c9a5975a12c0141c");
    }
}
