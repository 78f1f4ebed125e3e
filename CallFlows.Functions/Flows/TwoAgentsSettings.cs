using System.ComponentModel.DataAnnotations;

namespace CallFlows.Functions.Flows;

/// <summary>The settings of <see cref="TwoAgentsFlow"/> (its routing rule's <c>Settings</c> section).</summary>
public sealed class TwoAgentsSettings
{
    /// <summary>The agents, tried in turn (raw ids). Default: the two Contoso demo agents.</summary>
    [MinLength(1)]
    public IList<string> Agents { get; init; } = ["8:acs:contoso_agent-1", "8:acs:contoso_agent-2"];

    /// <summary>The queue line the caller is transferred to when no agent answers (raw id). Default <c>4:+14255550199</c>.</summary>
    [Required]
    public string QueueLine { get; set; } = "4:+14255550199";

    /// <summary>How long each agent's phone rings. Default 15 seconds.</summary>
    public TimeSpan RingTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest call allowed before the flow ends it. Default 1 hour.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(1);
}
