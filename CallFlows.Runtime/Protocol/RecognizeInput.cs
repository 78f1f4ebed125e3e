namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.Recognize"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Target">The raw id whose input is recognized.</param>
/// <param name="Kind">DTMF, speech or choices.</param>
/// <param name="Prompt">The prompt played first, if any.</param>
/// <param name="Menu">For choices: the menu.</param>
/// <param name="MaxTones">For DTMF: how many keys to collect.</param>
/// <param name="StopKeys">For DTMF: keys that end the input early (not part of the result).</param>
/// <param name="InitialSilenceSeconds">Silence allowed after the prompt.</param>
/// <param name="InterToneSeconds">For DTMF: the longest pause between keys.</param>
/// <param name="InterruptPrompt">Barge-in.</param>
/// <param name="SpeechLanguage">The speech language, if set.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RecognizeInput(
    CallActionIdentity Identity,
    string CallConnectionId,
    string Target,
    RecognizeKind Kind,
    Prompt? Prompt,
    Menu? Menu,
    int MaxTones,
    string? StopKeys,
    int InitialSilenceSeconds,
    int InterToneSeconds,
    bool InterruptPrompt,
    string? SpeechLanguage);
