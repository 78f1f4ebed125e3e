namespace CallFlows.Runtime;

/// <summary>An action the flow issued: its identity and whether its outcome is still awaited.</summary>
internal sealed class PendingAction(CallActionIdentity identity, string name)
{
    public CallActionIdentity Identity { get; } = identity;

    public string Name { get; } = name;

    /// <summary>True until the action's outcome was taken (or it timed out); events for a closed action are dropped.</summary>
    public bool IsOpen { get; set; } = true;
}
