using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowCall.AskAsync"/> and the <c>Recognize…Async</c> verbs.</summary>
public sealed class RecognizeFlowOptions
{
    /// <summary>Whose input to recognize; null (the default) is the call's caller (the first participant who is not the app).</summary>
    public CommunicationIdentifier? From { get; set; }

    /// <summary>How long the caller may stay silent after the prompt. Default 5 seconds (ACS's default; 1–300 s).</summary>
    public TimeSpan InitialSilenceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>For DTMF: the longest pause between two keys. Default 2 seconds (1–60 s).</summary>
    public TimeSpan InterToneTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Lets a key press or speech stop the prompt (barge-in). Default true.</summary>
    public bool InterruptPrompt { get; set; } = true;

    /// <summary>The speech recognition language (e.g. <c>en-US</c>); null leaves the service's default.</summary>
    public string? SpeechLanguage { get; set; }

    /// <summary>How long to wait for <c>RecognizeCompleted</c> / <c>RecognizeFailed</c> of one attempt, prompt included. Default 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
}
