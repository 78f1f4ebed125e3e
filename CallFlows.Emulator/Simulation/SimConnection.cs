using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>The app's leg of a call: what the REST surface calls a call connection.</summary>
internal sealed class SimConnection(string id, SimCall call, Uri callbackUri, string origin, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public SimCall Call { get; } = call;

    public Uri CallbackUri { get; } = callbackUri;

    public string Origin { get; } = origin;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string State { get; set; } = "connecting";

    public string? OperationContext { get; init; }

    public JsonArray Targets { get; init; } = [];

    public JsonObject? Source { get; set; }

    public JsonObject? SourceCallerIdNumber { get; set; }

    public string? SourceDisplayName { get; set; }

    public JsonObject? AnsweredBy { get; set; }

    public JsonObject? AnsweredFor { get; set; }

    public int SequenceNumber { get; set; }

    /// <summary>Set once CallDisconnected was queued: nothing may be queued after it.</summary>
    public bool Terminal { get; set; }

    public string? EndedReason { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int RingingTargets { get; set; }

    public ResultInfo? LastSetupFailure { get; set; }

    public Dictionary<string, SimInvitation> Invitations { get; } = new(StringComparer.Ordinal);

    public SimTransfer? Transfer { get; set; }

    public List<ITimer> Timers { get; } = [];

    /// <summary>The Cognitive Services endpoint from <c>callIntelligenceOptions</c>; null when the call was set up without one.</summary>
    public string? CognitiveServicesEndpoint { get; set; }

    /// <summary>Plays and recognizes of this connection.</summary>
    public Media.SimMediaQueue Media { get; } = new();

    /// <summary>Media streaming and transcription of this connection.</summary>
    public Media.SimStreaming Streaming { get; } = new();

    public bool IsLive => !Terminal && State != "disconnected";

    public JsonObject ToProperties()
    {
        var properties = new JsonObject
        {
            ["callConnectionId"] = Id,
            ["serverCallId"] = Call.ServerCallId,
            ["targets"] = Targets.DeepClone(),
            ["callConnectionState"] = State,
            ["callbackUri"] = CallbackUri.OriginalString,
            ["correlationId"] = Call.CorrelationId,
        };
        if (SourceCallerIdNumber is not null)
        {
            properties["sourceCallerIdNumber"] = SourceCallerIdNumber.DeepClone();
        }

        if (SourceDisplayName is not null)
        {
            properties["sourceDisplayName"] = SourceDisplayName;
        }

        if (Source is not null)
        {
            properties["source"] = Source.DeepClone();
        }

        if (AnsweredBy is not null)
        {
            properties["answeredBy"] = AnsweredBy.DeepClone();
        }

        if (AnsweredFor is not null)
        {
            properties["answeredFor"] = AnsweredFor.DeepClone();
        }

        Streaming.WriteSubscriptions(properties);
        return properties;
    }

    public CallSnapshot ToSnapshot() => new()
    {
        CallConnectionId = Id,
        ServerCallId = Call.ServerCallId,
        CorrelationId = Call.CorrelationId,
        Origin = Origin,
        State = State,
        Participants = Call.Participants.Select(p => p.ToSnapshot()).ToList(),
        CallbackUri = CallbackUri,
        EndedReason = EndedReason,
        CreatedAt = CreatedAt,
        EndedAt = EndedAt,
    };
}
