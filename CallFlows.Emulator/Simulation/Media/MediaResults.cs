namespace CallFlows.Emulator.Simulation.Media;

/// <summary>
/// The <c>resultInformation</c> of media events, as documented (ACS "Gather user input" and "Play action" how-tos, event
/// codes tables; "Troubleshooting Call Automation response codes").
/// </summary>
internal static class MediaResults
{
    public static ResultInfo Completed { get; } = ResultInfo.Success;

    public static ResultInfo FileDownloadFailed { get; } = new(400, 8536, "Action failed, file could not be downloaded.");

    public static ResultInfo Canceled { get; } = new(400, 8508, "Action failed, the operation was canceled.");

    public static ResultInfo MaxDigitsReceived { get; } = new(200, 8531, "Action completed, max digits received.");

    public static ResultInfo StopToneDetected { get; } = new(200, 8514, "Action completed as stop tone was detected.");

    public static ResultInfo DtmfOptionMatched { get; } = new(200, 8533, "Action completed, DTMF option matched.");

    public static ResultInfo SpeechOptionMatched { get; } = new(200, 8545, "Action completed, speech option matched.");

    public static ResultInfo SpeechRecognized { get; } = new(200, 8569, "Action completed, speech was recognized.");

    public static ResultInfo InitialSilenceTimeout { get; } = new(400, 8510, "Action failed, initial silence timeout reached.");

    public static ResultInfo InterDigitTimeout { get; } = new(400, 8532, "Action failed, inter-digit silence timeout reached.");

    public static ResultInfo SpeechOptionNotMatched { get; } = new(400, 8547, "Action failed, recognized phrase does not match a valid option.");

    public static ResultInfo IncorrectTone { get; } = new(500, 8534, "Action failed, incorrect tone entered.");

    public static ResultInfo SpeechNotRecognized { get; } = new(400, 8563, "Action failed, speech could not be recognized.");

    public static ResultInfo PlayPromptFailed { get; } = new(500, 8511, "Action failed, encountered failure while trying to play the prompt.");

    public static ResultInfo ParticipantNotPresent { get; } = new(400, 8558, "Action failed, the participant is not in the call.");

    /// <summary>The synchronous error for text-to-speech or speech recognition on a call set up without <c>callIntelligenceOptions</c>.</summary>
    public static ApiException CognitiveServicesNotConfigured() =>
        new(405, "8522", "Request not allowed when Cognitive Service Configuration not set during call setup.");
}
