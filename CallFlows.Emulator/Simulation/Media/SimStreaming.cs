using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation.Media;

/// <summary>A connection's media streaming and transcription subscriptions (from the call's set-up options).</summary>
internal sealed class SimStreaming
{
    public JsonObject? MediaStreamingOptions { get; set; }

    public JsonObject? TranscriptionOptions { get; set; }

    public string MediaStreamingSubscriptionId { get; } = Guid.NewGuid().ToString();

    public string TranscriptionSubscriptionId { get; } = Guid.NewGuid().ToString();

    public bool MediaStreamingActive { get; set; }

    public bool TranscriptionActive { get; set; }

    public string? TranscriptionLocale { get; set; }

    /// <summary>Adds <c>mediaStreamingSubscription</c> and <c>transcriptionSubscription</c> to the call's properties when configured.</summary>
    public void WriteSubscriptions(JsonObject properties)
    {
        if (MediaStreamingOptions is not null)
        {
            properties["mediaStreamingSubscription"] = new JsonObject
            {
                ["id"] = MediaStreamingSubscriptionId,
                ["state"] = MediaStreamingActive ? "active" : "inactive",
                ["subscribedContentTypes"] = new JsonArray("audio"),
            };
        }

        if (TranscriptionOptions is not null)
        {
            properties["transcriptionSubscription"] = new JsonObject
            {
                ["id"] = TranscriptionSubscriptionId,
                ["state"] = TranscriptionActive ? "active" : "inactive",
                ["subscribedResultTypes"] = TranscriptionOptions["enableIntermediateResults"]?.GetValue<bool>() == true ? new JsonArray("final", "intermediate") : new JsonArray("final"),
                ["locale"] = TranscriptionLocale,
            };
        }
    }
}
