namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowContext.AnswerAsync"/>.</summary>
public sealed class AnswerOptions
{
    /// <summary>
    /// How long to wait for <c>CallConnected</c> after answering. Default 30 seconds, like every wait for an ACS
    /// confirmation: longer than a host restart plus the 15 s queue visibility timeout of the shipped <c>host.json</c>,
    /// so a crash that delays the confirmation never makes a connected call look unanswered (the flow would hang it up).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
