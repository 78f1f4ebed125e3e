using CallFlows.Functions.Flows;

namespace CallFlows.Functions.Configuration;

/// <summary>The settings an inbound flow receives from its routing rule (<c>CallFlows:Routing:Rules:N:Settings</c>).</summary>
public sealed class InboundRouteSettings
{
    /// <summary>The raw id of the agent to add to the call (ACS user <c>8:acs:...</c> or phone <c>4:+1...</c>). Null by default.</summary>
    public string? Agent { get; set; }

    /// <summary>The caller id (raw id <c>4:+1...</c>) shown to a PSTN agent; null (the default) uses the number that was called.</summary>
    public string? AgentCallerId { get; set; }

    /// <summary>How long the agent's phone rings before ACS gives up; 20 seconds by default (ACS allows 1–180).</summary>
    public TimeSpan AgentInvitationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the flow waits for the agent's answer before cancelling the invitation itself; 30 seconds by default.</summary>
    public TimeSpan AgentWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the flow waits for the call to connect after answering; 15 seconds by default.</summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>What happens when the agent declines, is busy or does not answer; <see cref="NoAgentAction.HangUp"/> by default.</summary>
    public NoAgentAction OnNoAgent { get; set; } = NoAgentAction.HangUp;

    /// <summary>For <see cref="NoAgentAction.Transfer"/>: the raw id the caller is transferred to. Null by default.</summary>
    public string? FallbackTarget { get; set; }

    /// <summary>Custom SIP headers sent with the fallback transfer, keys without prefix (sent as <c>X-MS-Custom-{key}</c>). Empty by default.</summary>
    public IDictionary<string, string> FallbackSipHeaders { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Custom VoIP headers sent with the fallback transfer. Empty by default.</summary>
    public IDictionary<string, string> FallbackVoipHeaders { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The SIP user-to-user information sent with the fallback transfer; null (the default) sends none.</summary>
    public string? FallbackUui { get; set; }

    /// <summary>How long a connected call may last before the flow ends it; 60 minutes by default.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromMinutes(60);
}
