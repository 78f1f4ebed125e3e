using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;

namespace CallFlows.Functions.Flows;

/// <summary>The settings <see cref="InboundRoutingFlow"/> reads from its routing rule (<c>CallFlows:Routing:Rules:N:Settings</c>), checked at startup.</summary>
public sealed class InboundRouteSettings
{
    /// <summary>The raw id of the agent to add to the call (ACS user <c>8:acs:...</c> or phone <c>4:+1...</c>). Required.</summary>
    public string? Agent { get; set; }

    /// <summary>The caller id (raw id <c>4:+1...</c>) shown to a PSTN agent; null (the default) uses the number that was called.</summary>
    public string? AgentCallerId { get; set; }

    /// <summary>How long the agent's phone rings before ACS gives up; 20 seconds by default (ACS allows 1–180).</summary>
    public TimeSpan AgentInvitationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the flow waits for the agent's answer before cancelling the invitation itself; 30 seconds by default.</summary>
    public TimeSpan AgentWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the flow waits for the call to connect after answering; 30 seconds by default (see
    /// <see cref="CallFlows.Runtime.AnswerOptions.Timeout"/>: longer than a restart plus the queue visibility timeout).
    /// </summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromSeconds(30);

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

    /// <summary>Copies the fallback headers into a transfer's context.</summary>
    /// <param name="context">The context to fill.</param>
    public void AddFallbackHeaders(CustomCallingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, value) in FallbackSipHeaders)
        {
            context.AddSipX(key, value);
        }

        if (FallbackUui is not null)
        {
            context.AddSipUui(FallbackUui);
        }

        foreach (var (key, value) in FallbackVoipHeaders)
        {
            context.AddVoip(key, value);
        }
    }

    /// <summary>The problems of these settings, each naming its setting.</summary>
    /// <returns>The problems; empty when valid.</returns>
    internal IEnumerable<ValidationResult> Check()
    {
        foreach (var problem in RawId(nameof(Agent), Agent, required: true).Concat(RawId(nameof(AgentCallerId), AgentCallerId, required: false)))
        {
            yield return problem;
        }

        if (AgentInvitationTimeout < TimeSpan.FromSeconds(1) || AgentInvitationTimeout > TimeSpan.FromSeconds(180))
        {
            yield return new ValidationResult("must be between 1 and 180 seconds.", [nameof(AgentInvitationTimeout)]);
        }

        foreach (var (field, value) in new[] { (nameof(AgentWaitTimeout), AgentWaitTimeout), (nameof(AnswerTimeout), AnswerTimeout), (nameof(MaxCallDuration), MaxCallDuration) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult("must be positive.", [field]);
            }
        }

        if (OnNoAgent == NoAgentAction.Transfer)
        {
            foreach (var problem in RawId(nameof(FallbackTarget), FallbackTarget, required: true))
            {
                yield return problem;
            }
        }

        string? headers = null;
        try
        {
            // The client's context enforces ACS's documented header limits.
            AddFallbackHeaders(new CustomCallingContext());
        }
        catch (ArgumentException exception)
        {
            headers = exception.Message;
        }

        if (headers is not null)
        {
            yield return new ValidationResult("fallback headers: " + headers, [nameof(FallbackSipHeaders)]);
        }
    }

    private static IEnumerable<ValidationResult> RawId(string field, string? rawId, bool required)
    {
        if (string.IsNullOrWhiteSpace(rawId))
        {
            if (required)
            {
                yield return new ValidationResult("is required (a raw id such as 4:+14255550100 or 8:acs:...).", [field]);
            }
        }
        else if (CommunicationIdentifier.FromRawId(rawId) is UnknownIdentifier)
        {
            yield return new ValidationResult($"'{rawId}' is not a recognized raw id.", [field]);
        }
    }
}
