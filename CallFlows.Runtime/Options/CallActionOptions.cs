namespace CallFlows.Runtime;

/// <summary>Options of the call actions that take nothing else: cancel an invitation, remove a participant, hang up.</summary>
public sealed class CallActionOptions
{
    /// <summary>How long to wait for the action's outcome event. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
