namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowCall.AskAsync"/>.</summary>
public sealed class AskFlowOptions
{
    /// <summary>The timeouts, barge-in and whose input of each attempt (see <see cref="RecognizeFlowOptions"/> for the defaults).</summary>
    public RecognizeFlowOptions Recognize { get; set; } = new();

    /// <summary>Played before re-asking after no input (e.g. "Sorry, I didn't hear anything."); null (the default) just re-asks.</summary>
    public Prompt? NoInputPrompt { get; set; }

    /// <summary>Played before re-asking after an invalid input (e.g. "That is not an option."); null (the default) just re-asks.</summary>
    public Prompt? InvalidInputPrompt { get; set; }
}
