namespace CallFlows.Testing.CallWorld;

/// <summary>One call connection of the flow in the simulated service: who is in the call, its pending operations, whether it ended.</summary>
internal sealed class SimulatedCall(string callConnectionId, string serverCallId, string correlationId, bool endsWhenEmpty)
{
    public string CallConnectionId { get; } = callConnectionId;

    public string ServerCallId { get; } = serverCallId;

    public string CorrelationId { get; } = correlationId;

    /// <summary>A 1:1 or created call ends when its last participant leaves; a room, group or joined call goes on.</summary>
    public bool EndsWhenEmpty { get; } = endsWhenEmpty;

    /// <summary>A call to several targets: the app hanging up (not for everyone) leaves it running.</summary>
    public bool IsGroup { get; init; }

    /// <summary>The participants' raw ids, in the order they joined.</summary>
    public List<string> Participants { get; } = [];

    public Dictionary<string, SimulatedInvitation> Invitations { get; } = new(StringComparer.Ordinal);

    /// <summary>The transfer in progress, if any.</summary>
    public SimulatedTransfer? Transfer { get; set; }

    /// <summary>Whether the app's connection is connected (CallConnected was sent).</summary>
    public bool Connected { get; set; }

    /// <summary>Whether the app's connection ended.</summary>
    public bool Ended { get; set; }

    /// <summary>For a call being set up: how many targets still ring, and the last failure among them.</summary>
    public int RingingTargets { get; set; }

    public CallFlows.CallAutomation.ResultInformation? LastSetupFailure { get; set; }

    /// <summary>The operation context of the action that set the call up.</summary>
    public string? SetupOperationContext { get; init; }

    public int RosterSequence { get; set; }
}
