namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowContext.AnswerAsync"/>.</summary>
public sealed class AnswerOptions
{
    /// <summary>How long to wait for <c>CallConnected</c> after answering. Default 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
