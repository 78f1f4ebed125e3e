using CallFlows.CallAutomation;

namespace CallFlows.Testing.CallWorld;

/// <summary>A simulated phone or ACS user: how it responds when rung, and when it hangs up once in a call.</summary>
public sealed class TestPhone
{
    internal TestPhone(string id)
    {
        Identifier = id.StartsWith('+') ? new PhoneNumberIdentifier(id) : CommunicationIdentifier.FromRawId(id);
    }

    /// <summary>The phone's identifier.</summary>
    public CommunicationIdentifier Identifier { get; }

    /// <summary>The phone's raw id (<c>4:+1555…</c> for a number, <c>8:acs:…</c> for a user).</summary>
    public string RawId => Identifier.RawId;

    /// <summary>How it responds when rung. Default <see cref="PhoneResponse.Answers"/>.</summary>
    public PhoneResponse Response { get; private set; } = PhoneResponse.Answers;

    /// <summary>How long it rings before it responds (not used by <see cref="PhoneResponse.NeverAnswers"/>). Default 2 seconds.</summary>
    public TimeSpan RingTime { get; private set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after joining a call it hangs up (a caller: after the flow answered; in an existing call: after the flow joined); null (the default) to stay until the call ends.</summary>
    public TimeSpan? HangsUpAfterJoining { get; private set; }

    internal bool IsPstn => Identifier is PhoneNumberIdentifier;

    /// <summary>Picks up after <paramref name="ringTime"/> (default 2 s).</summary>
    /// <param name="ringTime">How long it rings.</param>
    /// <returns>This phone.</returns>
    public TestPhone Answers(TimeSpan? ringTime = null) => Set(PhoneResponse.Answers, ringTime);

    /// <summary>Declines (603) after <paramref name="ringTime"/> (default 2 s).</summary>
    /// <param name="ringTime">How long it rings.</param>
    /// <returns>This phone.</returns>
    public TestPhone Declines(TimeSpan? ringTime = null) => Set(PhoneResponse.Declines, ringTime);

    /// <summary>Reports busy (486) after <paramref name="ringTime"/> (default 2 s).</summary>
    /// <param name="ringTime">How long before it reports busy.</param>
    /// <returns>This phone.</returns>
    public TestPhone IsBusy(TimeSpan? ringTime = null) => Set(PhoneResponse.IsBusy, ringTime);

    /// <summary>Rings until the invitation, call or transfer times out on the service's side.</summary>
    /// <returns>This phone.</returns>
    public TestPhone NeverAnswers() => Set(PhoneResponse.NeverAnswers, null);

    /// <summary>Hangs up <paramref name="after"/> it joined a call (a caller: after the flow answered).</summary>
    /// <param name="after">The time in the call; more than zero.</param>
    /// <returns>This phone.</returns>
    public TestPhone HangsUpAfter(TimeSpan after)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(after, TimeSpan.Zero);
        HangsUpAfterJoining = after;
        return this;
    }

    /// <summary>The phone as people read it.</summary>
    /// <returns>The raw id.</returns>
    public override string ToString() => RawId;

    /// <summary>How long until the phone responds to a ring the service gives up on after <paramref name="serviceTimeout"/>, and what it responds.</summary>
    internal (TimeSpan After, PhoneResponse Response) Ring(TimeSpan serviceTimeout) =>
        Response == PhoneResponse.NeverAnswers || RingTime > serviceTimeout
            ? (serviceTimeout, PhoneResponse.NeverAnswers)
            : (RingTime, Response);

    private TestPhone Set(PhoneResponse response, TimeSpan? ringTime)
    {
        if (ringTime is { } ring)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(ring, TimeSpan.Zero);
            RingTime = ring;
        }

        Response = response;
        return this;
    }
}
