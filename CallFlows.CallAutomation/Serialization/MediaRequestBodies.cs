using System.Text.Json;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>
/// Writes the request bodies of the 2026-03-12 media and recording operations, and the media options of create, answer and
/// connect. Field names follow the spec (CallMedia_*, CallRecording_*); optional fields are omitted when unset.
/// </summary>
internal static class MediaRequestBodies
{
    public static byte[] Play(PlayOptions options) =>
        RequestBodies.Write(w =>
        {
            w.WriteStartArray("playSources");
            foreach (var source in options.PlaySources)
            {
                WritePlaySource(w, source);
            }

            w.WriteEndArray();
            w.WriteStartArray("playTo");
            foreach (var target in options.PlayTo)
            {
                IdentifierWire.Write(w, target);
            }

            w.WriteEndArray();
            if (options.InterruptCallMediaOperation is { } interrupt)
            {
                w.WriteBoolean("interruptCallMediaOperation", interrupt);
            }

            w.WriteStartObject("playOptions");
            w.WriteBoolean("loop", options.Loop);
            w.WriteEndObject();
            RequestBodies.WriteOptional(w, "operationContext", options.OperationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] Recognize(CallMediaRecognizeOptions options) =>
        RequestBodies.Write(w =>
        {
            w.WriteString("recognizeInputType", WireEnumConverter<RecognizeInputType>.ToWire(options.InputType));
            if (options.Prompt is { } prompt)
            {
                w.WritePropertyName("playPrompt");
                WritePlaySource(w, prompt);
            }

            if (options.Prompts is { } prompts)
            {
                w.WriteStartArray("playPrompts");
                foreach (var source in prompts)
                {
                    WritePlaySource(w, source);
                }

                w.WriteEndArray();
            }

            if (options.InterruptCallMediaOperation is { } interrupt)
            {
                w.WriteBoolean("interruptCallMediaOperation", interrupt);
            }

            w.WriteStartObject("recognizeOptions");
            w.WriteBoolean("interruptPrompt", options.InterruptPrompt);
            if (options.InitialSilenceTimeout is { } initialSilence)
            {
                w.WriteNumber("initialSilenceTimeoutInSeconds", Seconds(initialSilence));
            }

            w.WritePropertyName("targetParticipant");
            IdentifierWire.Write(w, options.TargetParticipant);
            RequestBodies.WriteOptional(w, "speechLanguage", options.SpeechLanguage);
            RequestBodies.WriteOptional(w, "speechRecognitionModelEndpointId", options.SpeechRecognitionModelEndpointId);
            switch (options)
            {
                case CallMediaRecognizeDtmfOptions dtmf:
                    WriteDtmfOptions(w, dtmf.MaxTonesToCollect, dtmf.InterToneTimeout, dtmf.StopTones);
                    break;
                case CallMediaRecognizeSpeechOrDtmfOptions both:
                    WriteDtmfOptions(w, both.MaxTonesToCollect, both.InterToneTimeout, both.StopTones);
                    WriteSpeechOptions(w, both.EndSilenceTimeout);
                    break;
                case CallMediaRecognizeSpeechOptions speech:
                    WriteSpeechOptions(w, speech.EndSilenceTimeout);
                    break;
                case CallMediaRecognizeChoiceOptions choices:
                    w.WriteStartArray("choices");
                    foreach (var choice in choices.Choices)
                    {
                        w.WriteStartObject();
                        w.WriteString("label", choice.Label);
                        w.WriteStartArray("phrases");
                        foreach (var phrase in choice.Phrases)
                        {
                            w.WriteStringValue(phrase);
                        }

                        w.WriteEndArray();
                        if (choice.Tone is { } tone)
                        {
                            w.WriteString("tone", WireEnumConverter<DtmfTone>.ToWire(tone));
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
            }

            w.WriteEndObject();
            RequestBodies.WriteOptional(w, "operationContext", options.OperationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] ContinuousDtmf(ContinuousDtmfRecognitionOptions options) =>
        RequestBodies.Write(w =>
        {
            w.WritePropertyName("targetParticipant");
            IdentifierWire.Write(w, options.TargetParticipant);
            RequestBodies.WriteOptional(w, "operationContext", options.OperationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] SendDtmfTones(SendDtmfTonesOptions options) =>
        RequestBodies.Write(w =>
        {
            w.WriteStartArray("tones");
            foreach (var tone in options.Tones)
            {
                w.WriteStringValue(WireEnumConverter<DtmfTone>.ToWire(tone));
            }

            w.WriteEndArray();
            w.WritePropertyName("targetParticipant");
            IdentifierWire.Write(w, options.TargetParticipant);
            RequestBodies.WriteOptional(w, "operationContext", options.OperationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] Hold(HoldOptions options) =>
        RequestBodies.Write(w =>
        {
            w.WritePropertyName("targetParticipant");
            IdentifierWire.Write(w, options.TargetParticipant);
            if (options.PlaySource is { } source)
            {
                w.WritePropertyName("playSourceInfo");
                WritePlaySource(w, source);
            }

            RequestBodies.WriteOptional(w, "operationContext", options.OperationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] Unhold(UnholdOptions options) =>
        RequestBodies.Write(w =>
        {
            w.WritePropertyName("targetParticipant");
            IdentifierWire.Write(w, options.TargetParticipant);
            RequestBodies.WriteOptional(w, "operationContext", options.OperationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] ContextOnly(string? operationContext, Uri? operationCallbackUri) =>
        RequestBodies.Write(w =>
        {
            RequestBodies.WriteOptional(w, "operationCallbackUri", operationCallbackUri?.AbsoluteUri);
            RequestBodies.WriteOptional(w, "operationContext", operationContext);
        });

    public static byte[] Transcription(string? locale, string? speechModelEndpointId, string? operationContext, Uri? operationCallbackUri) =>
        RequestBodies.Write(w =>
        {
            RequestBodies.WriteOptional(w, "locale", locale);
            RequestBodies.WriteOptional(w, "speechModelEndpointId", speechModelEndpointId);
            RequestBodies.WriteOptional(w, "operationContext", operationContext);
            RequestBodies.WriteOptional(w, "operationCallbackUri", operationCallbackUri?.AbsoluteUri);
        });

    public static byte[] StartRecording(StartRecordingOptions options) =>
        RequestBodies.Write(w =>
        {
            if (options.CallLocator is { } locator)
            {
                w.WriteStartObject("callLocator");
                w.WriteString(locator.IdPropertyName, locator.Id);
                w.WriteString("kind", locator.Kind);
                w.WriteEndObject();
            }

            RequestBodies.WriteOptional(w, "callConnectionId", options.CallConnectionId);
            RequestBodies.WriteOptional(w, "recordingStateCallbackUri", options.RecordingStateCallbackUri?.AbsoluteUri);
            WriteOptionalEnum(w, "recordingContentType", options.RecordingContent);
            WriteOptionalEnum(w, "recordingChannelType", options.RecordingChannel);
            WriteOptionalEnum(w, "recordingFormatType", options.RecordingFormat);
            if (options.AudioChannelParticipantOrdering.Count > 0)
            {
                w.WriteStartArray("audioChannelParticipantOrdering");
                foreach (var participant in options.AudioChannelParticipantOrdering)
                {
                    IdentifierWire.Write(w, participant);
                }

                w.WriteEndArray();
            }

            if (options.ChannelAffinity.Count > 0)
            {
                w.WriteStartArray("channelAffinity");
                foreach (var affinity in options.ChannelAffinity)
                {
                    w.WriteStartObject();
                    w.WriteNumber("channel", affinity.Channel);
                    w.WritePropertyName("participant");
                    IdentifierWire.Write(w, affinity.Participant);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (options.PauseOnStart is { } pause)
            {
                w.WriteBoolean("pauseOnStart", pause);
            }

            if (options.ExternalStorage is { } storage)
            {
                w.WriteStartObject("externalStorage");
                w.WriteString("recordingStorageKind", "azureBlobStorage");
                w.WriteString("recordingDestinationContainerUrl", storage.ContainerUri.AbsoluteUri);
                w.WriteEndObject();
            }
        });

    /// <summary>Writes <c>callIntelligenceOptions</c>, <c>mediaStreamingOptions</c> and <c>transcriptionOptions</c> when set (create, answer, connect).</summary>
    public static void WriteCallMediaOptions(Utf8JsonWriter w, CallIntelligenceOptions? intelligence, MediaStreamingOptions? streaming, TranscriptionOptions? transcription)
    {
        if (intelligence is not null)
        {
            w.WriteStartObject("callIntelligenceOptions");
            RequestBodies.WriteOptional(w, "cognitiveServicesEndpoint", intelligence.CognitiveServicesEndpoint?.AbsoluteUri);
            w.WriteEndObject();
        }

        if (streaming is not null)
        {
            w.WriteStartObject("mediaStreamingOptions");
            w.WriteString("transportType", WireEnumConverter<StreamingTransport>.ToWire(streaming.Transport));
            w.WriteString("audioChannelType", WireEnumConverter<MediaStreamingAudioChannel>.ToWire(streaming.AudioChannel));
            w.WriteString("transportUrl", streaming.TransportUri.AbsoluteUri);
            WriteOptionalEnum(w, "contentType", streaming.Content);
            WriteOptionalBool(w, "startMediaStreaming", streaming.StartMediaStreaming);
            WriteOptionalBool(w, "enableBidirectional", streaming.EnableBidirectional);
            WriteOptionalEnum(w, "audioFormat", streaming.AudioFormat);
            WriteOptionalBool(w, "enableDtmfTones", streaming.EnableDtmfTones);
            w.WriteEndObject();
        }

        if (transcription is not null)
        {
            w.WriteStartObject("transcriptionOptions");
            w.WriteString("transportType", WireEnumConverter<StreamingTransport>.ToWire(transcription.Transport));
            w.WriteString("locale", transcription.Locale);
            w.WriteString("transportUrl", transcription.TransportUri.AbsoluteUri);
            RequestBodies.WriteOptional(w, "speechModelEndpointId", transcription.SpeechModelEndpointId);
            WriteOptionalBool(w, "startTranscription", transcription.StartTranscription);
            WriteOptionalBool(w, "enableIntermediateResults", transcription.EnableIntermediateResults);
            w.WriteEndObject();
        }
    }

    public static void WritePlaySource(Utf8JsonWriter w, PlaySource source)
    {
        w.WriteStartObject();
        switch (source)
        {
            case FileSource file:
                w.WriteString("kind", "file");
                RequestBodies.WriteOptional(w, "playSourceCacheId", file.PlaySourceCacheId);
                w.WriteStartObject("file");
                w.WriteString("uri", file.FileUri.AbsoluteUri);
                w.WriteEndObject();
                break;
            case TextSource text:
                w.WriteString("kind", "text");
                RequestBodies.WriteOptional(w, "playSourceCacheId", text.PlaySourceCacheId);
                w.WriteStartObject("text");
                w.WriteString("text", text.Text);
                RequestBodies.WriteOptional(w, "sourceLocale", text.SourceLocale);
                WriteOptionalEnum(w, "voiceKind", text.VoiceKind);
                RequestBodies.WriteOptional(w, "voiceName", text.VoiceName);
                RequestBodies.WriteOptional(w, "customVoiceEndpointId", text.CustomVoiceEndpointId);
                w.WriteEndObject();
                break;
            case SsmlSource ssml:
                w.WriteString("kind", "ssml");
                RequestBodies.WriteOptional(w, "playSourceCacheId", ssml.PlaySourceCacheId);
                w.WriteStartObject("ssml");
                w.WriteString("ssmlText", ssml.SsmlText);
                RequestBodies.WriteOptional(w, "customVoiceEndpointId", ssml.CustomVoiceEndpointId);
                w.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"Unsupported play source {source.GetType().Name}.", nameof(source));
        }

        w.WriteEndObject();
    }

    private static void WriteDtmfOptions(Utf8JsonWriter w, int maxTones, TimeSpan? interToneTimeout, IList<DtmfTone> stopTones)
    {
        w.WriteStartObject("dtmfOptions");
        if (interToneTimeout is { } interTone)
        {
            w.WriteNumber("interToneTimeoutInSeconds", Seconds(interTone));
        }

        w.WriteNumber("maxTonesToCollect", maxTones);
        if (stopTones.Count > 0)
        {
            w.WriteStartArray("stopTones");
            foreach (var tone in stopTones)
            {
                w.WriteStringValue(WireEnumConverter<DtmfTone>.ToWire(tone));
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteSpeechOptions(Utf8JsonWriter w, TimeSpan? endSilence)
    {
        if (endSilence is { } value)
        {
            w.WriteStartObject("speechOptions");
            w.WriteNumber("endSilenceTimeoutInMs", (long)value.TotalMilliseconds);
            w.WriteEndObject();
        }
    }

    // The wire takes whole seconds; a fraction is rounded up so a timeout is never shorter than asked.
    private static int Seconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds);

    private static void WriteOptionalEnum<T>(Utf8JsonWriter w, string name, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            w.WriteString(name, WireEnumConverter<T>.ToWire(v));
        }
    }

    private static void WriteOptionalBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
    }
}
