namespace CallFlows.Testing.CallWorld;

/// <summary>How a simulated phone responds when a flow calls, invites or transfers to it (the emulator's answer modes).</summary>
public enum PhoneResponse
{
    /// <summary>Picks up.</summary>
    Answers,

    /// <summary>Declines: result 603 (PSTN 603/560603).</summary>
    Declines,

    /// <summary>Is busy: result 486 (PSTN 486/560486).</summary>
    IsBusy,

    /// <summary>Never picks up: the invitation or call runs to its timeout (VoIP 487/10004, PSTN 480/560480).</summary>
    NeverAnswers,
}
