using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Actions;

/// <summary>Maps the flow's serializable media values to the client's request shapes.</summary>
internal static class MediaMapping
{
    public static PlaySource Source(Prompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Kind switch
        {
            PromptKind.File => new FileSource(new Uri(prompt.Value, UriKind.Absolute)),
            PromptKind.Ssml => new SsmlSource(prompt.Value),
            _ => new TextSource(prompt.Value) { VoiceName = prompt.Voice, SourceLocale = prompt.Locale },
        };
    }

    public static CallMediaRecognizeOptions Recognize(RecognizeInput input)
    {
        var target = CommunicationIdentifier.FromRawId(input.Target);
        CallMediaRecognizeOptions options;
        switch (input.Kind)
        {
            case RecognizeKind.Speech:
                options = new CallMediaRecognizeSpeechOptions(target);
                break;
            case RecognizeKind.Choices:
                options = new CallMediaRecognizeChoiceOptions(target, (input.Menu?.Options ?? []).Select(o =>
                    new RecognitionChoice(o.Label, o.Phrases.Count > 0 ? o.Phrases : [o.Label])
                    {
                        Tone = o.Key is null ? null : DtmfTones.Parse(o.Key)[0],
                    }));
                break;
            default:
                var dtmf = new CallMediaRecognizeDtmfOptions(target, input.MaxTones) { InterToneTimeout = TimeSpan.FromSeconds(input.InterToneSeconds) };
                foreach (var tone in DtmfTones.Parse(input.StopKeys ?? string.Empty))
                {
                    dtmf.StopTones.Add(tone);
                }

                options = dtmf;
                break;
        }

        options.Prompt = input.Prompt is null ? null : Source(input.Prompt);
        options.InterruptPrompt = input.InterruptPrompt;
        options.InitialSilenceTimeout = TimeSpan.FromSeconds(input.InitialSilenceSeconds);
        options.SpeechLanguage = input.SpeechLanguage;
        options.OperationContext = input.Identity.OperationContext;
        return options;
    }
}
