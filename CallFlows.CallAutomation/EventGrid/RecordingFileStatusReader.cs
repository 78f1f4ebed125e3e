using System.Globalization;
using System.Text.Json;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>Reads the data of a <c>Microsoft.Communication.RecordingFileStatusUpdated</c> event (AcsRecordingFileStatusUpdatedEventData).</summary>
internal static class RecordingFileStatusReader
{
    public static RecordingFileStatusUpdated Read(string id, DateTimeOffset? time, string? subject, BinaryData? data)
    {
        if (data is null)
        {
            throw new CallAutomationEventFormatException($"RecordingFileStatusUpdated event '{id}' has no data.");
        }

        try
        {
            using var document = JsonDocument.Parse(data.ToMemory());
            var e = document.RootElement;
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new CallAutomationEventFormatException($"The data of RecordingFileStatusUpdated event '{id}' is not an object.");
            }

            var chunks = new List<RecordingChunk>();
            if (ResponseModels.Obj(e, "recordingStorageInfo") is { } storage
                && storage.TryGetProperty("recordingChunks", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var chunk in array.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
                {
                    chunks.Add(new RecordingChunk
                    {
                        DocumentId = ResponseModels.Str(chunk, "documentId"),
                        Index = chunk.TryGetProperty("index", out var index) && index.TryGetInt32(out var i) ? i : 0,
                        EndReason = ResponseModels.Str(chunk, "endReason"),
                        ContentLocation = Url(chunk, "contentLocation"),
                        MetadataLocation = Url(chunk, "metadataLocation"),
                        DeleteLocation = Url(chunk, "deleteLocation"),
                    });
                }
            }

            if (chunks.Count == 0)
            {
                throw new CallAutomationEventFormatException($"RecordingFileStatusUpdated event '{id}' has no recordingStorageInfo.recordingChunks.");
            }

            return new RecordingFileStatusUpdated
            {
                EventId = id,
                EventTime = time,
                Subject = subject,
                ServerCallId = ServerCallIdOf(subject),
                RecordingChunks = chunks,
                RecordingStartTime = ResponseModels.Str(e, "recordingStartTime") is { } start
                    && DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null,
                RecordingDuration = e.TryGetProperty("recordingDurationMs", out var duration) && duration.TryGetInt64(out var ms) ? TimeSpan.FromMilliseconds(ms) : null,
                RecordingContentType = ResponseModels.Str(e, "recordingContentType"),
                RecordingChannelType = ResponseModels.Str(e, "recordingChannelType"),
                RecordingFormatType = ResponseModels.Str(e, "recordingFormatType"),
                SessionEndReason = ResponseModels.Str(e, "sessionEndReason"),
            };
        }
        catch (JsonException exception)
        {
            throw new CallAutomationEventFormatException($"The data of RecordingFileStatusUpdated event '{id}' is malformed: {exception.Message}", exception);
        }
    }

    private static Uri? Url(JsonElement e, string name) =>
        ResponseModels.Str(e, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static string? ServerCallIdOf(string? subject)
    {
        const string marker = "/serverCallId/";
        var at = subject?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : subject![(at + marker.Length)..].Split('/')[0];
    }
}
