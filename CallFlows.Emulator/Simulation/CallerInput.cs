namespace CallFlows.Emulator.Simulation;

/// <summary>
/// One step of a simulated phone's media script (<see cref="IdentityBehavior.MediaScript"/>). Each recognize aimed at the
/// phone consumes the next step; a play consumes the next step only when it is a <see cref="CallerInputKind.HangUp"/> (so
/// "hangs up during the greeting" works whether the greeting is a play or a recognize prompt). When the script is used up
/// the phone stays silent. Times are measured from the end of the prompt, or from its start when
/// <see cref="DuringPrompt"/> is set (a key pressed during a prompt stops it only when the recognize asked for barge-in;
/// otherwise the service ignores it, and so does the emulator).
/// </summary>
public sealed record CallerInput
{
    /// <summary>What the caller does.</summary>
    public required CallerInputKind Kind { get; init; }

    /// <summary>The keys, for <see cref="CallerInputKind.Keys"/> (<c>0-9</c>, <c>A-D</c>, <c>#</c>, <c>*</c>).</summary>
    public string? Digits { get; init; }

    /// <summary>The phrase, for <see cref="CallerInputKind.Speech"/>.</summary>
    public string? Phrase { get; init; }

    /// <summary>The recognizer's confidence in the phrase; 0.9 by default.</summary>
    public double Confidence { get; init; } = 0.9;

    /// <summary>When the caller acts: after the prompt ends, or after it starts with <see cref="DuringPrompt"/>. Zero by default.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Measures <see cref="Delay"/> from the start of the prompt instead of its end.</summary>
    public bool DuringPrompt { get; init; }

    /// <summary>The time between two keys; 300 ms by default.</summary>
    public TimeSpan InterKeyDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Presses keys after the prompt.</summary>
    /// <param name="digits">The keys, e.g. <c>"2"</c> or <c>"1234#"</c>.</param>
    /// <param name="after">How long after the prompt ends; zero by default.</param>
    /// <returns>The step.</returns>
    public static CallerInput Press(string digits, TimeSpan? after = null) =>
        new() { Kind = CallerInputKind.Keys, Digits = RequireDigits(digits), Delay = after ?? TimeSpan.Zero };

    /// <summary>Presses keys while the prompt plays (barge-in when the recognize allows it).</summary>
    /// <param name="digits">The keys.</param>
    /// <param name="afterPromptStarts">How long after the prompt starts.</param>
    /// <returns>The step.</returns>
    public static CallerInput PressDuringPrompt(string digits, TimeSpan afterPromptStarts) =>
        new() { Kind = CallerInputKind.Keys, Digits = RequireDigits(digits), Delay = afterPromptStarts, DuringPrompt = true };

    /// <summary>Says a phrase after the prompt.</summary>
    /// <param name="phrase">What the caller says.</param>
    /// <param name="after">How long after the prompt ends; zero by default.</param>
    /// <param name="confidence">The recognizer's confidence; 0.9 by default.</param>
    /// <returns>The step.</returns>
    public static CallerInput Say(string phrase, TimeSpan? after = null, double confidence = 0.9)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        return new() { Kind = CallerInputKind.Speech, Phrase = phrase, Delay = after ?? TimeSpan.Zero, Confidence = confidence };
    }

    /// <summary>Mumbles something the recognizer cannot make out.</summary>
    /// <param name="after">How long after the prompt ends; zero by default.</param>
    /// <returns>The step.</returns>
    public static CallerInput Mumble(TimeSpan? after = null) => new() { Kind = CallerInputKind.Unintelligible, Delay = after ?? TimeSpan.Zero };

    /// <summary>Stays silent for this prompt.</summary>
    /// <returns>The step.</returns>
    public static CallerInput StaySilent() => new() { Kind = CallerInputKind.Silence };

    /// <summary>Hangs up while the prompt plays.</summary>
    /// <param name="afterPromptStarts">How long after the prompt starts.</param>
    /// <returns>The step.</returns>
    public static CallerInput HangUpDuringPrompt(TimeSpan afterPromptStarts) =>
        new() { Kind = CallerInputKind.HangUp, Delay = afterPromptStarts, DuringPrompt = true };

    /// <summary>Hangs up after the prompt ends.</summary>
    /// <param name="after">How long after the prompt ends; zero by default.</param>
    /// <returns>The step.</returns>
    public static CallerInput HangUp(TimeSpan? after = null) => new() { Kind = CallerInputKind.HangUp, Delay = after ?? TimeSpan.Zero };

    private static string RequireDigits(string digits)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        foreach (var c in digits)
        {
            if (!"0123456789ABCDabcd#*".Contains(c, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{c}' is not a DTMF key (0-9, A-D, # or *).", nameof(digits));
            }
        }

        return digits.ToUpperInvariant();
    }
}
