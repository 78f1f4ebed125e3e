using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation.Media;

/// <summary>Continuous DTMF recognition, sending DTMF, hold and unhold.</summary>
internal sealed partial class MediaEngine
{
    /// <summary>How long the service takes to send one tone.</summary>
    private static readonly TimeSpan ToneLength = TimeSpan.FromMilliseconds(250);

    public void StartContinuousDtmf(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var rawId = RequirePresent(connection, CallEngine.RawId(body["targetParticipant"], "targetParticipant"), "targetParticipant");
        if (!connection.Media.ContinuousDtmfTargets.Add(rawId))
        {
            return;
        }

        // A scripted key sequence is pressed while continuous recognition listens (other steps wait for a prompt).
        if (connection.Call.Find(rawId) is { } participant && Peek(participant) is { Kind: CallerInputKind.Keys } step)
        {
            participant.ScriptPosition++;
            var tones = ParseKeys(step.Digits!);
            for (var i = 0; i < tones.Count; i++)
            {
                var tone = tones[i];
                At(connection, null, step.Delay + (step.InterKeyDelay * i), () => ToneFrom(connection, rawId, tone));
            }
        }
    }

    public void StopContinuousDtmf(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var rawId = CallEngine.RawId(body["targetParticipant"], "targetParticipant");
        connection.Media.ContinuousDtmfTargets.Remove(rawId);
        engine.Emit(connection, "ContinuousDtmfRecognitionStopped", CallEngine.Text(body["operationContext"]), ResultInfo.Success,
            CallEngine.OperationCallbackUri(connection, body));
    }

    public JsonObject SendDtmfTones(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var rawId = RequirePresent(connection, CallEngine.RawId(body["targetParticipant"], "targetParticipant"), "targetParticipant");
        var tones = body["tones"]!.AsArray();
        if (tones.Count == 0)
        {
            throw new ApiException(400, "8523", "tones: at least one tone is required.", "tones");
        }

        var operationContext = CallEngine.Text(body["operationContext"]);
        var callbackUri = CallEngine.OperationCallbackUri(connection, body);
        At(connection, null, ToneLength * tones.Count, () =>
        {
            // The target may have left meanwhile (a group call goes on without it).
            var present = connection.Call.Find(rawId) is not null;
            engine.Emit(connection, present ? "SendDtmfTonesCompleted" : "SendDtmfTonesFailed", operationContext,
                present ? ResultInfo.Success : MediaResults.ParticipantNotPresent, callbackUri);
        });
        return new JsonObject { ["operationContext"] = operationContext };
    }

    public void Hold(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var rawId = RequirePresent(connection, CallEngine.RawId(body["targetParticipant"], "targetParticipant"), "targetParticipant");
        var music = body["playSourceInfo"] is JsonObject source ? PromptOf(connection, source, "playSourceInfo") : null;
        var participant = connection.Call.Find(rawId)!;
        if (music is { Reachable: false })
        {
            engine.Emit(connection, "HoldFailed", CallEngine.Text(body["operationContext"]), MediaResults.FileDownloadFailed,
                CallEngine.OperationCallbackUri(connection, body));
            return;
        }

        if (!participant.IsOnHold)
        {
            participant.IsOnHold = true;
            engine.ParticipantsUpdated(connection.Call);
        }
    }

    public void Unhold(SimConnection connection, JsonObject body)
    {
        CallEngine.RequireConnected(connection);
        var rawId = RequirePresent(connection, CallEngine.RawId(body["targetParticipant"], "targetParticipant"), "targetParticipant");
        var participant = connection.Call.Find(rawId)!;
        if (participant.IsOnHold)
        {
            participant.IsOnHold = false;
            engine.ParticipantsUpdated(connection.Call);
        }
    }
}
