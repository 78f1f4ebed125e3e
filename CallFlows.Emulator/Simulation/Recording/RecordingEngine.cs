using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation.Recording;

/// <summary>
/// Call recording: start (by call locator or call connection id), pause, resume, stop and get state, each change reported
/// as <c>RecordingStateChanged</c>; when a recording ends (stopped, or its call ended) a
/// <c>Microsoft.Communication.RecordingFileStatusUpdated</c> event is published over Event Grid with the locations of a
/// WAV file (silence as long as the captured time, at most 5 s) that can be downloaded and deleted. Runs under the
/// engine's lock; the file store is read by the HTTP handlers without it.
/// </summary>
internal sealed class RecordingEngine(CallEngine engine, AcsEmulatorOptions options, string topic)
{
    private const int SampleRate = 8000;
    private static readonly TimeSpan MaxFileLength = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, SimRecording> _recordings = new(StringComparer.Ordinal);
    private readonly List<SimRecording> _order = [];
    private readonly ConcurrentDictionary<string, (byte[] Wav, JsonObject Metadata)> _files = new(StringComparer.Ordinal);

    private TimeProvider Time => options.TimeProvider;

    /// <summary>Where Event Grid events go (set by the emulator at start).</summary>
    public Action<JsonObject> PublishEvent { get; set; } = _ => { };

    /// <summary>The emulator's base URL, for the file locations.</summary>
    public Uri? Endpoint { get; set; }

    public IReadOnlyList<RecordingSnapshot> Snapshots => _order.Select(r => r.ToSnapshot()).ToList();

    public JsonObject Start(SimCall call, SimConnection? connection, JsonObject body)
    {
        if (call.Ended)
        {
            throw new ApiException(404, "8522", "The call to record has ended.");
        }

        if (_order.Any(r => r.Call == call && r.State != "stopped"))
        {
            throw new ApiException(400, "8559", "The call is already being recorded: stop that recording before starting another.");
        }

        var now = Time.GetUtcNow();
        var paused = body["pauseOnStart"]?.GetValue<bool>() == true;
        var recording = new SimRecording(NewRecordingId(), call, now)
        {
            StateCallbackUri = CallEngine.CallbackUri(body, "recordingStateCallbackUri"),
            CallConnectionId = connection?.Id,
            Format = CallEngine.Text(body["recordingFormatType"]) ?? "wav",
            Channel = CallEngine.Text(body["recordingChannelType"]) ?? "mixed",
            Content = CallEngine.Text(body["recordingContentType"]) ?? "audio",
            State = paused ? "inactive" : "active",
            ActiveSince = paused ? null : now,
        };
        _recordings[recording.Id] = recording;
        _order.Add(recording);
        StateChanged(recording);
        return StateJson(recording);
    }

    public JsonObject GetState(string recordingId) => StateJson(Find(recordingId));

    public void Pause(string recordingId)
    {
        var recording = Find(recordingId);
        if (recording.State == "active")
        {
            Capture(recording);
            recording.State = "inactive";
            StateChanged(recording);
        }
    }

    public void Resume(string recordingId)
    {
        var recording = Find(recordingId);
        if (recording.State == "inactive")
        {
            recording.State = "active";
            recording.ActiveSince = Time.GetUtcNow();
            StateChanged(recording);
        }
    }

    public void Stop(string recordingId) => End(Find(recordingId), "StopRecording", announce: true);

    /// <summary>The call ended: its recordings end with it (no callback can follow CallDisconnected).</summary>
    public void OnCallEnded(SimCall call)
    {
        foreach (var recording in _order.Where(r => r.Call == call && r.State != "stopped").ToList())
        {
            End(recording, "CallEnded", announce: false);
        }
    }

    public bool TryGetFile(string documentId, out byte[] wav, out JsonObject metadata)
    {
        var found = _files.TryGetValue(documentId, out var file);
        wav = file.Wav ?? [];
        metadata = file.Metadata ?? [];
        return found;
    }

    public bool DeleteFile(string documentId) => _files.TryRemove(documentId, out _);

    private void End(SimRecording recording, string reason, bool announce)
    {
        Capture(recording);
        var wasActive = recording.State == "active";
        recording.State = "stopped";
        if (announce && wasActive)
        {
            StateChanged(recording, "inactive");
        }

        var documentId = "0-emu-d" + Guid.NewGuid().ToString("N");
        recording.DocumentId = documentId;
        _files[documentId] = (Wav(recording.Captured), new JsonObject
        {
            ["resourceId"] = options.ResourceId.ToString("D"),
            ["callId"] = recording.Call.CorrelationId,
            ["chunkDocumentId"] = documentId,
            ["chunkIndex"] = 0,
            ["chunkStartTime"] = Format(recording.StartedAt),
            ["chunkDuration"] = recording.Captured.TotalMilliseconds,
            ["recordingInfo"] = new JsonObject { ["contentType"] = recording.Content, ["channelType"] = recording.Channel, ["format"] = "wav", ["audioConfiguration"] = new JsonObject { ["sampleRate"] = SampleRate, ["bitRate"] = SampleRate * 16, ["channels"] = 1 } },
        });
        engine.Schedule(options.RecordingFileReadyDelay, () => PublishFileReady(recording, documentId, reason));
    }

    private void PublishFileReady(SimRecording recording, string documentId, string reason)
    {
        var endpoint = Endpoint ?? new Uri("http://127.0.0.1/");
        var objectUri = new Uri(endpoint, $"v1/objects/{documentId}");
        PublishEvent(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["topic"] = topic,
            ["subject"] = $"/recording/call/{recording.Call.CorrelationId}/serverCallId/{recording.Call.ServerCallId}",
            ["data"] = new JsonObject
            {
                ["recordingStorageInfo"] = new JsonObject
                {
                    ["recordingChunks"] = new JsonArray(new JsonObject
                    {
                        ["documentId"] = documentId,
                        ["index"] = 0,
                        ["endReason"] = "SessionEnded",
                        ["contentLocation"] = objectUri.AbsoluteUri + "/content/audio",
                        ["metadataLocation"] = objectUri.AbsoluteUri + "/content/acsmetadata",
                        ["deleteLocation"] = objectUri.AbsoluteUri,
                    }),
                },
                ["recordingStartTime"] = Format(recording.StartedAt),
                ["recordingDurationMs"] = (long)recording.Captured.TotalMilliseconds,
                ["recordingContentType"] = Capitalized(recording.Content),
                ["recordingChannelType"] = Capitalized(recording.Channel),
                ["recordingFormatType"] = Capitalized(recording.Format),
                ["sessionEndReason"] = reason,
            },
            ["eventType"] = "Microsoft.Communication.RecordingFileStatusUpdated",
            ["dataVersion"] = "1.0",
            ["metadataVersion"] = "1",
            ["eventTime"] = Format(Time.GetUtcNow()),
        });
    }

    private void StateChanged(SimRecording recording, string? state = null)
    {
        // Sent on a live connection of the recorded call, to the recording's state callback when it has one.
        var connection = recording.Call.Connections.FirstOrDefault(c => c.Id == recording.CallConnectionId && c.IsLive)
            ?? recording.Call.Connections.FirstOrDefault(c => c.IsLive);
        if (connection is null)
        {
            return;
        }

        engine.Emit(connection, "RecordingStateChanged", null, null, recording.StateCallbackUri ?? connection.CallbackUri, new JsonObject
        {
            ["recordingId"] = recording.Id,
            ["state"] = state ?? recording.State,
            ["startDateTime"] = Format(recording.StartedAt),
            ["recordingKind"] = "azureCommunicationServices",
        });
    }

    private void Capture(SimRecording recording)
    {
        if (recording.State == "active" && recording.ActiveSince is { } since)
        {
            recording.Captured += Time.GetUtcNow() - since;
            recording.ActiveSince = null;
        }
    }

    private SimRecording Find(string recordingId) =>
        _recordings.TryGetValue(recordingId, out var recording) && recording.State != "stopped"
            ? recording
            : throw new ApiException(404, "8522", $"Recording '{recordingId}' was not found (or has stopped).");

    private static JsonObject StateJson(SimRecording recording) => new()
    {
        ["recordingId"] = recording.Id,
        ["recordingState"] = recording.State == "active" ? "active" : "inactive",
        ["recordingKind"] = "azureCommunicationServices",
    };

    private static string NewRecordingId()
    {
        var json = $"{{\"PlatformEndpointId\":\"{Guid.NewGuid()}\",\"ResourceSpecificId\":\"{Guid.NewGuid()}\"}}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A valid PCM WAV (8 kHz, 16-bit, mono) of silence as long as the captured time, between 100 ms and 5 s.</summary>
    internal static byte[] Wav(TimeSpan captured)
    {
        var length = captured < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : captured > MaxFileLength ? MaxFileLength : captured;
        var samples = (int)(SampleRate * length.TotalSeconds);
        var dataBytes = samples * 2;
        using var stream = new MemoryStream(44 + dataBytes);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(SampleRate);
        writer.Write(SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        writer.Write(new byte[dataBytes]);
        writer.Flush();
        return stream.ToArray();
    }

    private static string Capitalized(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
