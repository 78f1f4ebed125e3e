namespace CallFlows.Emulator.Simulation;

/// <summary>
/// How one simulated identity (phone number or ACS user, keyed by raw id) behaves when called, invited, transferred to
/// or when it places a call. Immutable: configure with <see cref="EmulatedWorld.Configure(string, IdentityBehavior)"/>.
/// </summary>
public sealed record IdentityBehavior
{
    /// <summary>The emulator's global default: answers after 300 ms and stays on the call until someone hangs up.</summary>
    public static IdentityBehavior Default { get; } = new();

    /// <summary>What the identity does when it is rung (create call, add participant, transfer, redirect). Default <see cref="AnswerMode.Answer"/>.</summary>
    public AnswerMode Answer { get; init; } = AnswerMode.Answer;

    /// <summary>Time from ringing to answering, declining or reporting busy. Default 300 ms.</summary>
    public TimeSpan AnswerDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>When set, the identity hangs up this long after it is connected (as callee or as caller). Default null (stays).</summary>
    public TimeSpan? HangUpAfter { get; init; }

    /// <summary>When set and this identity is a caller, it gives up ringing after this long (the app sees AnswerFailed if it answers too late). Default null.</summary>
    public TimeSpan? AbandonAfter { get; init; }

    /// <summary>
    /// What the phone does when the application plays to it or listens to it, one step per prompt (see <see cref="CallerInput"/>);
    /// empty (the default) stays silent. Example: <c>[CallerInput.StaySilent(), CallerInput.Press("2", TimeSpan.FromSeconds(1))]</c>
    /// is "no input on the first menu, then presses 2 one second after the second".
    /// </summary>
    public IReadOnlyList<CallerInput> MediaScript { get; init; } = [];

    /// <summary>Shorthand: answers after <paramref name="delay"/> (default 300 ms).</summary>
    /// <param name="delay">Time to answer.</param>
    public static IdentityBehavior Answers(TimeSpan? delay = null) => new() { AnswerDelay = delay ?? Default.AnswerDelay };

    /// <summary>Shorthand: declines after <paramref name="delay"/> (default 300 ms).</summary>
    /// <param name="delay">Time to decline.</param>
    public static IdentityBehavior Declines(TimeSpan? delay = null) => new() { Answer = AnswerMode.Decline, AnswerDelay = delay ?? Default.AnswerDelay };

    /// <summary>Shorthand: is busy (fails after <paramref name="delay"/>, default 300 ms).</summary>
    /// <param name="delay">Time to report busy.</param>
    public static IdentityBehavior IsBusy(TimeSpan? delay = null) => new() { Answer = AnswerMode.Busy, AnswerDelay = delay ?? Default.AnswerDelay };

    /// <summary>Shorthand: never answers.</summary>
    public static IdentityBehavior NeverAnswers() => new() { Answer = AnswerMode.NoAnswer };
}
