namespace CallFlows.Tests.CallAutomation;

/// <summary>Success replies with the documented status codes (reference README) and spec-shaped bodies, chosen by method and path.</summary>
internal static class ScriptedReplies
{
    public const string PropertiesBody = """
        {"callConnectionId":"conn-1","serverCallId":"server-1","targets":[{"kind":"phoneNumber","rawId":"4:+16041234567","phoneNumber":{"value":"+16041234567"}}],
         "callConnectionState":"connecting","callbackUri":"https://app.example/api/callbacks?instance=abc","correlationId":"corr-1"}
        """;

    public const string ParticipantBody = """{"identifier":{"kind":"communicationUser","rawId":"8:acs:resource_user1","communicationUser":{"id":"8:acs:resource_user1"}},"isMuted":false,"isOnHold":false}""";

    private static readonly string[] MediaActions =
        [":play", ":recognize", ":cancelAllMediaOperations", ":startMediaStreaming", ":stopMediaStreaming", ":startTranscription", ":stopTranscription", ":updateTranscription"];

    public static LoopbackReply Success(RecordedRequest request)
    {
        var path = request.Path;
        return (request.Method, path) switch
        {
            ("POST", "/calling/callConnections") => new(201, PropertiesBody),
            ("POST", "/calling/callConnections:answer") or ("POST", "/calling/callConnections:connect") => new(200, PropertiesBody),
            ("POST", "/calling/callConnections:redirect") or ("POST", "/calling/callConnections:reject") => new(204),
            ("DELETE", _) => new(204),
            ("POST", "/calling/recordings") => new(200, """{"recordingId":"rec-1","recordingState":"active","recordingKind":"azureCommunicationServices"}"""),
            ("GET", _) when path.StartsWith("/calling/recordings/", StringComparison.Ordinal) => new(200, """{"recordingId":"rec-1","recordingState":"inactive"}"""),
            ("POST", _) when path.StartsWith("/calling/recordings/", StringComparison.Ordinal) => new(202),
            ("POST", _) when path.EndsWith(":sendDtmfTones", StringComparison.Ordinal) => new(202, """{"operationContext":"ctx-dtmf"}"""),
            ("POST", _) when path.EndsWith("ContinuousDtmfRecognition", StringComparison.Ordinal) || path.EndsWith(":hold", StringComparison.Ordinal)
                || path.EndsWith(":unhold", StringComparison.Ordinal) => new(200),
            ("POST", _) when MediaActions.Any(a => path.EndsWith(a, StringComparison.Ordinal)) => new(202),
            ("POST", _) when path.EndsWith(":terminate", StringComparison.Ordinal) => new(204),
            ("POST", _) when path.EndsWith(":transferToParticipant", StringComparison.Ordinal) => new(202, """{"operationContext":"ctx-t"}"""),
            ("POST", _) when path.EndsWith("/participants:add", StringComparison.Ordinal) =>
                new(202, $$"""{"participant":{{ParticipantBody}},"operationContext":"ctx-add","invitationId":"inv-1"}"""),
            ("POST", _) when path.EndsWith("/participants:cancelAddParticipant", StringComparison.Ordinal) => new(202, """{"invitationId":"inv-1","operationContext":"ctx-cancel"}"""),
            ("POST", _) when path.EndsWith("/participants:remove", StringComparison.Ordinal) => new(202, """{"operationContext":"ctx-rm"}"""),
            ("POST", _) when path.EndsWith("/participants:mute", StringComparison.Ordinal) => new(200, """{"operationContext":"ctx-mute"}"""),
            ("POST", _) when path.EndsWith("/participants:moveHere", StringComparison.Ordinal) =>
                new(202, $$"""{"participants":[{{ParticipantBody}}],"operationContext":"ctx-move","fromCall":"conn-0"}"""),
            ("GET", _) when path.EndsWith("/participants", StringComparison.Ordinal) => new(200, $$"""{"value":[{{ParticipantBody}}]}"""),
            ("GET", _) when path.Contains("/participants/", StringComparison.Ordinal) => new(200, ParticipantBody),
            ("GET", _) => new(200, PropertiesBody),
            _ => new(404, """{"error":{"code":"NotFound","message":"no such route"}}"""),
        };
    }
}
