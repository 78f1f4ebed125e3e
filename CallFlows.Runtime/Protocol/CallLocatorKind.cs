namespace CallFlows.Runtime.Protocol;

/// <summary>Which kind of existing call a connect action joins.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum CallLocatorKind
{
    /// <summary>A server call, by server call id.</summary>
    ServerCall = 0,

    /// <summary>A group call, by group call id.</summary>
    GroupCall,

    /// <summary>An ACS room, by room id.</summary>
    Room,
}
