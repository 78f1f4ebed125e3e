namespace CallFlows.Functions.Flows;

/// <summary>The orchestrator (function) names of the shipped flows.</summary>
public static class FlowNames
{
    /// <summary>Inbound: answer, add an agent, fall back to a transfer or hang up.</summary>
    public const string InboundRouting = "InboundRoutingFlow";

    /// <summary>Inbound: reject the call (routing rule).</summary>
    public const string RejectCall = "RejectCallFlow";

    /// <summary>Inbound: redirect the call (routing rule).</summary>
    public const string RedirectCall = "RedirectCallFlow";

    /// <summary>Outbound: a 1:1 call to a phone number (with caller id) or an ACS user.</summary>
    public const string OutboundCall = "OutboundCallFlow";

    /// <summary>Outbound: one call to several PSTN and VoIP targets.</summary>
    public const string GroupCall = "GroupCallFlow";

    /// <summary>Join an existing server call, group call or room.</summary>
    public const string ConnectCall = "ConnectCallFlow";

    /// <summary>Group call in which one participant (the transferee) is transferred.</summary>
    public const string GroupTransfer = "GroupTransferFlow";

    /// <summary>Call, invite a participant, and cancel the invitation.</summary>
    public const string CancelAddParticipant = "CancelAddParticipantFlow";

    /// <summary>Group call from which one participant is removed.</summary>
    public const string RemoveParticipant = "RemoveParticipantFlow";

    /// <summary>Set up or join a call and end it for everyone.</summary>
    public const string HangUpForEveryone = "HangUpForEveryoneFlow";

    /// <summary>The inbound flow of docs/WRITING-FLOWS.md: two agents in turn, then the queue line.</summary>
    public const string TwoAgents = "TwoAgentsFlow";

    /// <summary>The flows a routing rule may name (with or without the <c>Flow</c> suffix).</summary>
    public static IReadOnlyList<string> Inbound { get; } = [InboundRouting, TwoAgents];

    /// <summary>The flows <c>POST /api/calls</c> may start (with or without the <c>Flow</c> suffix).</summary>
    public static IReadOnlyList<string> Outbound { get; } = [OutboundCall, GroupCall, ConnectCall, GroupTransfer, CancelAddParticipant, RemoveParticipant, HangUpForEveryone];

    /// <summary>Finds a flow by its name, with or without the <c>Flow</c> suffix, ignoring case.</summary>
    /// <param name="candidates">The allowed flows.</param>
    /// <param name="name">The name given in configuration or a request.</param>
    /// <returns>The orchestrator name, or null when none matches.</returns>
    public static string? Resolve(IEnumerable<string> candidates, string? name)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return candidates.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c, name + "Flow", StringComparison.OrdinalIgnoreCase));
    }
}
