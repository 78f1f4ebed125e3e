using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowCall.PlayAsync"/>.</summary>
public sealed class PlayFlowOptions
{
    /// <summary>Whom to play to; null (the default) plays to everyone in the call.</summary>
    public CommunicationIdentifier? PlayTo { get; set; }

    /// <summary>Cancels the running media operation and plays first. Default false (the play waits its turn).</summary>
    public bool Interrupt { get; set; }

    /// <summary>How long to wait for <c>PlayCompleted</c> / <c>PlayFailed</c>. Default 2 minutes (longer than any prompt you should play).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
}
