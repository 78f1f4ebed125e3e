namespace CallFlows.Functions.Actions;

/// <summary>Which kind of existing call a connect action joins.</summary>
public enum CallLocatorKind
{
    /// <summary>A server call, by server call id.</summary>
    ServerCall = 0,

    /// <summary>A group call, by group call id.</summary>
    GroupCall,

    /// <summary>An ACS room, by room id.</summary>
    Room,
}
