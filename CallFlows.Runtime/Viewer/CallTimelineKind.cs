namespace CallFlows.Runtime.Viewer;

/// <summary>What a line of a call's timeline records.</summary>
public enum CallTimelineKind
{
    /// <summary>The flow itself: started, a sub-flow, completed, failed or terminated.</summary>
    Flow,

    /// <summary>A call action (an activity: one Call Automation request) and how the request ended.</summary>
    Action,

    /// <summary>A callback event from ACS raised into the flow, with its result code.</summary>
    Event,
}
