namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowContext.ConnectAsync"/>.</summary>
public sealed class ConnectOptions
{
    /// <summary>How long to wait for the connection. Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
