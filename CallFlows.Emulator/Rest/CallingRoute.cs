namespace CallFlows.Emulator.Rest;

/// <summary>
/// Routes a raw request path of the <c>/calling</c> surface. Works on the path as sent: the <c>:action</c> suffix is part of
/// the last segment (clients do not encode it), and the participant raw id segment is percent-decoded here.
/// </summary>
internal static class CallingRoute
{
    private static readonly Dictionary<string, CallingOperation> MediaActions = new(StringComparer.Ordinal)
    {
        ["play"] = CallingOperation.Play,
        ["recognize"] = CallingOperation.Recognize,
        ["cancelAllMediaOperations"] = CallingOperation.CancelAllMediaOperations,
        ["startContinuousDtmfRecognition"] = CallingOperation.StartContinuousDtmf,
        ["stopContinuousDtmfRecognition"] = CallingOperation.StopContinuousDtmf,
        ["sendDtmfTones"] = CallingOperation.SendDtmfTones,
        ["hold"] = CallingOperation.Hold,
        ["unhold"] = CallingOperation.Unhold,
        ["startMediaStreaming"] = CallingOperation.StartMediaStreaming,
        ["stopMediaStreaming"] = CallingOperation.StopMediaStreaming,
        ["startTranscription"] = CallingOperation.StartTranscription,
        ["stopTranscription"] = CallingOperation.StopTranscription,
        ["updateTranscription"] = CallingOperation.UpdateTranscription,
    };

    /// <summary>Matches the path; <c>MethodAllowed</c> is false when the path exists but not for this verb.</summary>
    public static (CallingOperation? Operation, bool MethodAllowed, string? CallConnectionId, string? ParticipantRawId) Match(string method, string rawPath)
    {
        var s = rawPath.TrimEnd('/').Split('/');
        if (s.Length < 3 || s[0].Length != 0 || s[1] != "calling")
        {
            return (null, true, null, null);
        }

        if (s[2].StartsWith("recordings", StringComparison.Ordinal))
        {
            return MatchRecording(method, s);
        }

        var (head, headAction) = SplitAction(Uri.UnescapeDataString(s[2]));
        if (head != "callConnections")
        {
            return (null, true, null, null);
        }

        if (s.Length == 3)
        {
            return Pick(method, null, null, headAction switch
            {
                null => [CallingOperation.CreateCall],
                "answer" => [CallingOperation.AnswerCall],
                "redirect" => [CallingOperation.RedirectCall],
                "reject" => [CallingOperation.RejectCall],
                "connect" => [CallingOperation.Connect],
                _ => [],
            });
        }

        if (headAction is not null)
        {
            return (null, true, null, null);
        }

        var (id, action) = SplitAction(Uri.UnescapeDataString(s[3]));
        if (id.Length == 0)
        {
            return (null, true, null, null);
        }

        if (s.Length == 4)
        {
            return Pick(method, id, null, action switch
            {
                null => [CallingOperation.GetCall, CallingOperation.HangupCall],
                "terminate" => [CallingOperation.TerminateCall],
                "transferToParticipant" => [CallingOperation.Transfer],
                _ when MediaActions.TryGetValue(action, out var media) => [media],
                _ => [],
            });
        }

        if (action is not null)
        {
            return (null, true, null, null);
        }

        var (collection, participantsAction) = SplitAction(s[4]);
        if (collection != "participants")
        {
            return (null, true, null, null);
        }

        if (s.Length == 5)
        {
            return Pick(method, id, null, participantsAction switch
            {
                null => [CallingOperation.GetParticipants],
                "add" => [CallingOperation.AddParticipant],
                "remove" => [CallingOperation.RemoveParticipant],
                "mute" => [CallingOperation.Mute],
                "cancelAddParticipant" => [CallingOperation.CancelAddParticipant],
                "moveHere" => [CallingOperation.MoveParticipants],
                _ => [],
            });
        }

        if (s.Length == 6 && participantsAction is null)
        {
            var rawId = Uri.UnescapeDataString(s[5]);
            return rawId.Length == 0 ? (null, true, null, null) : Pick(method, id, rawId, [CallingOperation.GetParticipant]);
        }

        return (null, true, null, null);
    }

    /// <summary>The recording routes; the recording id is returned in the call connection id slot.</summary>
    private static (CallingOperation?, bool, string?, string?) MatchRecording(string method, string[] s)
    {
        if (s.Length == 3)
        {
            return s[2] == "recordings" ? Pick(method, null, null, [CallingOperation.StartRecording]) : (null, true, null, null);
        }

        var (id, action) = SplitAction(Uri.UnescapeDataString(s[3]));
        if (s.Length != 4 || s[2] != "recordings" || id.Length == 0)
        {
            return (null, true, null, null);
        }

        return Pick(method, id, null, action switch
        {
            null => [CallingOperation.GetRecording, CallingOperation.StopRecording],
            "pause" => [CallingOperation.PauseRecording],
            "resume" => [CallingOperation.ResumeRecording],
            _ => [],
        });
    }

    private static (CallingOperation?, bool, string?, string?) Pick(string method, string? id, string? rawId, CallingOperation[] candidates)
    {
        if (candidates.Length == 0)
        {
            return (null, true, null, null);
        }

        var match = candidates.FirstOrDefault(c => c.Method.Equals(method, StringComparison.OrdinalIgnoreCase));
        return match is null ? (null, false, id, rawId) : (match, true, id, rawId);
    }

    private static (string Name, string? Action) SplitAction(string segment)
    {
        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (segment, null) : (segment[..colon], segment[(colon + 1)..]);
    }
}
