namespace CallFlows.Emulator.Simulation;

/// <summary>Where an incoming call (one IncomingCall event) stands.</summary>
public enum IncomingCallState
{
    /// <summary>Ringing: waiting for the app to answer, reject or redirect.</summary>
    Ringing,

    /// <summary>Answered by the app.</summary>
    Answered,

    /// <summary>Rejected by the app.</summary>
    Rejected,

    /// <summary>Redirected by the app to another target.</summary>
    Redirected,

    /// <summary>Nobody answered before the ring timeout.</summary>
    NotAnswered,

    /// <summary>The caller hung up while it was ringing.</summary>
    Abandoned,
}
