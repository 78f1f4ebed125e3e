using System.Text.Json;
using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>
/// How a <c>Microsoft.Communication.RecordingFileStatusUpdated</c> Event Grid event travels into a flow: as a
/// <see cref="CallbackEnvelope"/> (the same one external event name as the callbacks) whose data is the parsed event.
/// </summary>
internal static class RecordingFileEvents
{
    public const string EventType = "Microsoft.Communication.RecordingFileStatusUpdated";

    public const string Name = "RecordingFileStatusUpdated";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static CallbackEnvelope ToEnvelope(RecordingFileStatusUpdated updated) =>
        new(updated.EventId, EventType, updated.EventTime, null, null, JsonSerializer.SerializeToElement(updated, Options));

    public static (string ServerCallId, RecordingFile File)? Read(CallbackEnvelope envelope)
    {
        if (envelope.Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        RecordingFileStatusUpdated? updated;
        try
        {
            updated = data.Deserialize<RecordingFileStatusUpdated>(Options);
        }
        catch (JsonException)
        {
            return null;
        }

        var chunk = updated?.RecordingChunks.OrderBy(c => c.Index).FirstOrDefault();
        if (updated?.ServerCallId is not { Length: > 0 } serverCallId || chunk is null)
        {
            return null;
        }

        return (serverCallId, new RecordingFile(chunk.ContentLocation, chunk.MetadataLocation, chunk.DeleteLocation, updated.RecordingDuration, updated.SessionEndReason ?? chunk.EndReason));
    }
}
