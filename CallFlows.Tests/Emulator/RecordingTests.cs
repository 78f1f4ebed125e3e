using System.Text.Json.Nodes;
using Azure;
using CallFlows.CallAutomation;
using CallFlows.Emulator;
using CallFlows.Emulator.EventGrid;

namespace CallFlows.Tests.Emulator;

/// <summary>Recording through the project's client: the state machine, RecordingFileStatusUpdated over Event Grid, download and delete.</summary>
public sealed class RecordingTests : EmulatorTestBase
{
    private CallAutomationClient Client => new(Emulator.ConnectionString);

    protected override void Configure(AcsEmulatorOptions options) => options.RecordingFileReadyDelay = TimeSpan.FromMilliseconds(50);

    private IReadOnlyList<(string State, string Id)> StateChanges(string callConnectionId) =>
        Receiver.Callbacks.Entries.Where(c => c.CallConnectionId == callConnectionId && c.Name == "RecordingStateChanged")
            .Select(c => (c.Data["state"]!.GetValue<string>(), c.Data["recordingId"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task StartPauseResumeStop_ThenFileEventDownloadAndDelete()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri, EventGridDeliverySchema.EventGrid, ["Microsoft.Communication.RecordingFileStatusUpdated"]);
        var id = await AnswerIncomingCallAsync();
        var serverCallId = Emulator.GetCall(id)!.ServerCallId;
        var recording = Client.GetCallRecording();

        var started = await recording.StartAsync(new StartRecordingOptions(new ServerCallLocator(serverCallId))
        {
            RecordingContent = RecordingContent.Audio, RecordingChannel = RecordingChannel.Mixed, RecordingFormat = RecordingFormat.Wav,
        });
        started.GetRawResponse().Status.Should().Be(200);
        var recordingId = started.Value.RecordingId!;
        started.Value.RecordingState.Should().Be(RecordingState.Active);
        var duplicate = async () => await recording.StartAsync(new StartRecordingOptions(id));
        (await duplicate.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(400);

        (await recording.PauseAsync(recordingId)).Status.Should().Be(202);
        (await recording.GetStateAsync(recordingId)).Value.RecordingState.Should().Be(RecordingState.Inactive);
        (await recording.ResumeAsync(recordingId)).Status.Should().Be(202);
        (await recording.GetStateAsync(recordingId)).Value.RecordingState.Should().Be(RecordingState.Active);
        (await recording.StopAsync(recordingId)).Status.Should().Be(204);

        var delivery = await Receiver.EventGrid.WaitForAsync(e => e.First["eventType"]?.GetValue<string>() == "Microsoft.Communication.RecordingFileStatusUpdated", Wait);
        var file = EventGridEventParser.Parse(BinaryData.FromString(delivery.Events.ToJsonString())).RecordingFileStatusUpdated!;
        StateChanges(id).Should().Equal(("active", recordingId), ("inactive", recordingId), ("active", recordingId), ("inactive", recordingId));
        var changed = CallAutomationEventParser.Parse(BinaryData.FromString(new JsonArray(Receiver.Callbacks.Entries.First(c => c.Name == "RecordingStateChanged").CloudEvent.DeepClone()).ToJsonString()));
        changed.Should().BeOfType<RecordingStateChanged>().Which.RecordingKind.Should().Be(RecordingKind.AzureCommunicationServices);
        file.ServerCallId.Should().Be(serverCallId);
        file.RecordingFormatType.Should().Be("Wav");
        file.SessionEndReason.Should().Be("StopRecording");
        var chunk = file.RecordingChunks.Single();

        using var wav = new MemoryStream();
        (await recording.DownloadToAsync(chunk.ContentLocation!, wav)).Status.Should().Be(200);
        var bytes = wav.ToArray();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 4).Should().Be("RIFF");
        System.Text.Encoding.ASCII.GetString(bytes, 8, 4).Should().Be("WAVE");
        BitConverter.ToInt32(bytes, 4).Should().Be(bytes.Length - 8, "the RIFF size matches the file");
        BitConverter.ToInt32(bytes, 40).Should().Be(bytes.Length - 44, "the data chunk holds the rest");
        (await recording.DeleteAsync(chunk.DeleteLocation!)).Status.Should().Be(200);
        var gone = async () => await recording.DownloadToAsync(chunk.ContentLocation!, new MemoryStream());
        (await gone.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        var stopped = async () => await recording.GetStateAsync(recordingId);
        (await stopped.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
        Emulator.RequestLog.Entries.Select(r => r.Operation).Should().Contain(["CallRecording_StartRecording", "CallRecording_PauseRecording", "Recording_Download", "Recording_Delete"]);
    }

    [Fact]
    public async Task CallEnds_WhileRecording_FileEventFollowsAndIncomingCallWebhooksDoNotGetIt()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        await Emulator.RegisterEventGridWebhookAsync(Receiver.CloudEventsUri, EventGridDeliverySchema.CloudEvents, ["Microsoft.Communication.RecordingFileStatusUpdated"]);
        var id = await AnswerIncomingCallAsync();
        var recording = Client.GetCallRecording();
        await recording.StartAsync(new StartRecordingOptions(id) { PauseOnStart = true });

        Emulator.HangUpParticipant(id, Caller);

        var cloudEvent = await Receiver.CloudEvents.WaitForAsync(e => e.CloudEvent["type"]?.GetValue<string>() == "Microsoft.Communication.RecordingFileStatusUpdated", Wait);
        var file = EventGridEventParser.Parse(BinaryData.FromString(cloudEvent.CloudEvent.ToJsonString())).RecordingFileStatusUpdated!;
        file.SessionEndReason.Should().Be("CallEnded");
        file.RecordingDuration.Should().Be(TimeSpan.Zero, "it never left the paused state");
        StateChanges(id).Select(s => s.State).Should().Equal("inactive");
        Receiver.EventGrid.Entries.Where(e => e.EventType == "Notification").Should().OnlyContain(e => e.First["eventType"]!.GetValue<string>() == "Microsoft.Communication.IncomingCall");
        Emulator.Recordings.Should().ContainSingle().Which.State.Should().Be("stopped");
    }

    [Fact]
    public async Task Start_UnknownCall_Returns404()
    {
        var unknown = async () => await Client.GetCallRecording().StartAsync(new StartRecordingOptions(new ServerCallLocator("no-such-call")));

        (await unknown.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(404);
    }
}
