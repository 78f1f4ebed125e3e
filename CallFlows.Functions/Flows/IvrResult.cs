using CallFlows.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="IvrFlow"/> ended.</summary>
public enum IvrResult
{
    /// <summary>The caller picked a department, its agent answered and the conversation was recorded.</summary>
    [FlowOutcome("The caller picked a department and talked to its agent (recorded).", Succeeded = true)]
    AgentConnected,

    /// <summary>No agent answered; the caller was offered to leave a message, which was recorded.</summary>
    [FlowOutcome("No agent answered; the caller was offered to leave a recorded message.", Succeeded = true)]
    Voicemail,

    /// <summary>The caller made no valid choice within the allowed attempts.</summary>
    [FlowOutcome("The caller made no valid choice; the call was ended.")]
    NoChoice,

    /// <summary>The menu could not run (e.g. text prompts without a Cognitive Services endpoint: 405/8522).</summary>
    [FlowOutcome("The menu could not be played or recognized.")]
    MenuFailed,

    /// <summary>The caller hung up before talking to an agent or leaving a message.</summary>
    [FlowOutcome("The caller hung up before reaching an agent or voicemail.")]
    CallerHungUp,

    /// <summary>The call could not be answered.</summary>
    [FlowOutcome("The call could not be answered.")]
    AnswerFailed,
}
