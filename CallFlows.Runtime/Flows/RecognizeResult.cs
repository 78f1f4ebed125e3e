using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>
/// What the caller answered: <see cref="Digits"/>, the <see cref="Choice"/> label, or <see cref="Text"/> (speech), or why
/// nothing usable came (<see cref="RecognizeStatus.NoInput"/>, <see cref="RecognizeStatus.InvalidInput"/>, a failure as
/// data). A call that ends throws <see cref="CallEndedException"/> instead.
/// </summary>
public sealed record RecognizeResult
{
    /// <summary>How the recognize ended.</summary>
    public required RecognizeStatus Status { get; init; }

    /// <summary>The keys pressed (also for an invalid key); null when none.</summary>
    public string? Digits { get; init; }

    /// <summary>The label of the menu choice picked; null unless <see cref="Matched"/> on a menu.</summary>
    public string? Choice { get; init; }

    /// <summary>The recognized speech (or the phrase that picked a choice); null when none.</summary>
    public string? Text { get; init; }

    /// <summary>The recognizer's confidence in the speech (0–1), when reported.</summary>
    public double? Confidence { get; init; }

    /// <summary>How many times the caller was asked (1 for a single recognize).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Why it failed (<see cref="RecognizeStatus.Failed"/>, or the ACS result of NoInput / InvalidInput), as data.</summary>
    public CallActionFailure? Failure { get; init; }

    /// <summary>The event that decided it, if any.</summary>
    public CallAutomationEventBase? Event { get; init; }

    /// <summary>Whether the caller gave a usable answer.</summary>
    public bool Matched => Status == RecognizeStatus.Recognized;

    /// <summary>The answer: the choice label, else the digits, else the speech; null when nothing matched.</summary>
    public string? Value => Matched ? Choice ?? Digits ?? Text : null;

    /// <summary>A sentence for people.</summary>
    /// <returns>The sentence.</returns>
    public string Describe() => Status switch
    {
        RecognizeStatus.Recognized when Choice is not null => $"picked {Choice}",
        RecognizeStatus.Recognized when Digits is not null => $"pressed {Digits}",
        RecognizeStatus.Recognized => $"said \"{Text}\"",
        RecognizeStatus.NoInput => "no input",
        RecognizeStatus.InvalidInput when Digits is not null => $"invalid input (pressed {Digits})",
        RecognizeStatus.InvalidInput => "invalid input",
        RecognizeStatus.TimedOut => "no outcome arrived in time",
        _ => Failure?.Describe() ?? "failed",
    };
}
