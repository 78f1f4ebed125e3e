using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation.Media;

/// <summary>
/// Media streaming and transcription: set up from <c>mediaStreamingOptions</c> / <c>transcriptionOptions</c> of create,
/// answer or connect, started at connect when asked, then started, stopped and updated by the REST operations, each
/// reported by its event. The emulator does not open the WebSocket: a transport URL whose host ends in <c>.invalid</c>
/// fails as an unreachable one would (MediaStreamingFailed / TranscriptionFailed, <c>streamConnectionUnsuccessful</c>).
/// </summary>
internal sealed class StreamingEngine(CallEngine engine)
{
    /// <summary>Reads the media options of a create, answer or connect body into the new connection.</summary>
    public static void Configure(SimConnection connection, JsonObject body)
    {
        if (body["callIntelligenceOptions"]?["cognitiveServicesEndpoint"] is JsonValue endpoint && endpoint.TryGetValue<string>(out var url))
        {
            connection.CognitiveServicesEndpoint = url;
        }

        connection.Streaming.MediaStreamingOptions = body["mediaStreamingOptions"]?.DeepClone() as JsonObject;
        connection.Streaming.TranscriptionOptions = body["transcriptionOptions"]?.DeepClone() as JsonObject;
        connection.Streaming.TranscriptionLocale = CallEngine.Text(connection.Streaming.TranscriptionOptions?["locale"]);
    }

    /// <summary>At CallConnected: starts what the options asked to start with the call.</summary>
    public void OnConnected(SimConnection connection)
    {
        var streaming = connection.Streaming;
        if (streaming.MediaStreamingOptions?["startMediaStreaming"]?.GetValue<bool>() == true)
        {
            StartMedia(connection, null, connection.CallbackUri);
        }

        if (streaming.TranscriptionOptions?["startTranscription"]?.GetValue<bool>() == true)
        {
            StartTranscription(connection, null, connection.CallbackUri);
        }
    }

    public void StartMediaStreaming(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        if (connection.Streaming.MediaStreamingOptions is null)
        {
            throw new ApiException(400, "8523", "Media streaming was not configured for this call: set mediaStreamingOptions when creating, answering or connecting it.");
        }

        if (connection.Streaming.MediaStreamingActive)
        {
            throw new ApiException(400, "8583", "Media streaming is already started.");
        }

        StartMedia(connection, CallEngine.Text(body["operationContext"]), CallEngine.OperationCallbackUri(connection, body));
    }

    public void StopMediaStreaming(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        if (!connection.Streaming.MediaStreamingActive)
        {
            throw new ApiException(400, "8583", "Media streaming is not started.");
        }

        connection.Streaming.MediaStreamingActive = false;
        engine.Emit(connection, "MediaStreamingStopped", CallEngine.Text(body["operationContext"]), ResultInfo.Success,
            CallEngine.OperationCallbackUri(connection, body), MediaUpdate("mediaStreamingStopped", "subscriptionStopped"));
    }

    public void StartTranscription(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        RequireTranscription(connection);
        if (connection.Streaming.TranscriptionActive)
        {
            throw new ApiException(400, "8583", "Transcription is already started.");
        }

        if (CallEngine.Text(body["locale"]) is { } locale)
        {
            connection.Streaming.TranscriptionLocale = locale;
        }

        StartTranscription(connection, CallEngine.Text(body["operationContext"]), CallEngine.OperationCallbackUri(connection, body));
    }

    public void StopTranscription(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        if (!connection.Streaming.TranscriptionActive)
        {
            throw new ApiException(400, "8583", "Transcription is not started.");
        }

        connection.Streaming.TranscriptionActive = false;
        engine.Emit(connection, "TranscriptionStopped", CallEngine.Text(body["operationContext"]), ResultInfo.Success,
            CallEngine.OperationCallbackUri(connection, body), TranscriptionUpdate("transcriptionStopped", "subscriptionStopped"));
    }

    public void UpdateTranscription(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        if (!connection.Streaming.TranscriptionActive)
        {
            throw new ApiException(400, "8583", "Transcription is not started.");
        }

        connection.Streaming.TranscriptionLocale = CallEngine.Text(body["locale"]) ?? connection.Streaming.TranscriptionLocale;
        engine.Emit(connection, "TranscriptionUpdated", CallEngine.Text(body["operationContext"]), ResultInfo.Success,
            CallEngine.OperationCallbackUri(connection, body), TranscriptionUpdate("transcriptionUpdated", "transcriptionLocaleUpdated"));
    }

    private void StartMedia(SimConnection connection, string? operationContext, Uri callbackUri)
    {
        if (Unreachable(connection.Streaming.MediaStreamingOptions))
        {
            engine.Emit(connection, "MediaStreamingFailed", operationContext, new ResultInfo(400, 8603, "Action failed, media streaming could not connect to the transport URL."),
                callbackUri, MediaUpdate("mediaStreamingFailed", "streamConnectionUnsuccessful"));
            return;
        }

        connection.Streaming.MediaStreamingActive = true;
        engine.Emit(connection, "MediaStreamingStarted", operationContext, ResultInfo.Success, callbackUri, MediaUpdate("mediaStreamingStarted", "subscriptionStarted"));
    }

    private void StartTranscription(SimConnection connection, string? operationContext, Uri callbackUri)
    {
        RequireTranscription(connection);
        if (Unreachable(connection.Streaming.TranscriptionOptions))
        {
            engine.Emit(connection, "TranscriptionFailed", operationContext, new ResultInfo(400, 8578, "Action failed, transcription could not connect to the transport URL."),
                callbackUri, TranscriptionUpdate("transcriptionFailed", "streamConnectionUnsuccessful"));
            return;
        }

        connection.Streaming.TranscriptionActive = true;
        engine.Emit(connection, "TranscriptionStarted", operationContext, ResultInfo.Success, callbackUri, TranscriptionUpdate("transcriptionStarted", "subscriptionStarted"));
    }

    private static void RequireTranscription(SimConnection connection)
    {
        if (connection.Streaming.TranscriptionOptions is null)
        {
            throw new ApiException(400, "8523", "Transcription was not configured for this call: set transcriptionOptions when creating, answering or connecting it.");
        }

        if (connection.CognitiveServicesEndpoint is null)
        {
            throw MediaResults.CognitiveServicesNotConfigured();
        }
    }

    private static bool Unreachable(JsonObject? options) =>
        CallEngine.Text(options?["transportUrl"]) is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || uri.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);

    private static JsonObject MediaUpdate(string status, string details) => new()
    {
        ["mediaStreamingUpdate"] = new JsonObject { ["contentType"] = "Audio", ["mediaStreamingStatus"] = status, ["mediaStreamingStatusDetails"] = details },
    };

    private static JsonObject TranscriptionUpdate(string status, string details) => new()
    {
        ["transcriptionUpdate"] = new JsonObject { ["transcriptionStatus"] = status, ["transcriptionStatusDetails"] = details },
    };
}
