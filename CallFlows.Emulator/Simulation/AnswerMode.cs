namespace CallFlows.Emulator.Simulation;

/// <summary>How a simulated phone or user responds when the emulator rings it.</summary>
public enum AnswerMode
{
    /// <summary>Picks up after <see cref="IdentityBehavior.AnswerDelay"/>.</summary>
    Answer,

    /// <summary>Declines after <see cref="IdentityBehavior.AnswerDelay"/> (result 603).</summary>
    Decline,

    /// <summary>Is busy: fails after <see cref="IdentityBehavior.AnswerDelay"/> (result 486).</summary>
    Busy,

    /// <summary>Never picks up: the invitation runs until its timeout (result 487/10004 VoIP, 480/560480 PSTN).</summary>
    NoAnswer,
}
