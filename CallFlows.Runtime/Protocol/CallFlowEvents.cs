namespace CallFlows.Runtime.Protocol;

/// <summary>Names shared by the callback endpoint and the flow runtime; flow code never uses them.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CallFlowEvents
{
    /// <summary>
    /// The single external event name under which every ACS callback of an instance is raised. One name means one
    /// outstanding wait per orchestration, which sidesteps the isolated SDK's cancelled-wait defect
    /// (Azure/azure-functions-durable-extension#3255): a timed-out wait never swallows the next event.
    /// </summary>
    public const string CallbackEventName = "acs-callback";
}
