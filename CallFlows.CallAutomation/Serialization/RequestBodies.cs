using System.Text.Encodings.Web;
using System.Text.Json;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>
/// Writes the request bodies of the 2026-03-12 call-control operations. Field names and presence follow what JS SDK 1.6.0
/// sends (reference/acs-callautomation/js-sdk-1.6.0-requests.jsonl); optional fields are omitted when unset.
/// </summary>
internal static class RequestBodies
{
    // Escape like JSON.stringify (quotes, backslash, control characters only), so bodies are byte-identical to JS 1.6.0's
    // ('+' of phone numbers stays '+'). Safe here: bodies are JSON sent to an API, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] CreateCall(IReadOnlyList<CommunicationIdentifier> targets, Uri callbackUri, PhoneNumberIdentifier? sourceCallerIdNumber, string? sourceDisplayName, string? operationContext,
        CallIntelligenceOptions? intelligence = null, MediaStreamingOptions? streaming = null, TranscriptionOptions? transcription = null) =>
        Write(w =>
        {
            w.WriteStartArray("targets");
            foreach (var target in targets)
            {
                IdentifierWire.Write(w, target);
            }

            w.WriteEndArray();
            if (sourceCallerIdNumber is not null)
            {
                w.WritePropertyName("sourceCallerIdNumber");
                IdentifierWire.WritePhoneNumberModel(w, sourceCallerIdNumber);
            }

            WriteOptional(w, "sourceDisplayName", sourceDisplayName);
            WriteOptional(w, "operationContext", operationContext);
            w.WriteString("callbackUri", callbackUri.AbsoluteUri);
            MediaRequestBodies.WriteCallMediaOptions(w, intelligence, streaming, transcription);
        });

    public static byte[] AnswerCall(AnswerCallOptions options) =>
        Write(w =>
        {
            w.WriteString("incomingCallContext", options.IncomingCallContext);
            w.WriteString("callbackUri", options.CallbackUri.AbsoluteUri);
            WriteOptional(w, "operationContext", options.OperationContext);
            if (options.AnsweredBy is not null)
            {
                w.WriteStartObject("answeredBy");
                w.WriteString("id", options.AnsweredBy.Id);
                w.WriteEndObject();
            }

            MediaRequestBodies.WriteCallMediaOptions(w, options.CallIntelligenceOptions, options.MediaStreamingOptions, options.TranscriptionOptions);
        });

    public static byte[] RejectCall(RejectCallOptions options) =>
        Write(w =>
        {
            w.WriteString("incomingCallContext", options.IncomingCallContext);
            w.WriteString("callRejectReason", options.CallRejectReason switch
            {
                CallRejectReason.Busy => "busy",
                CallRejectReason.Forbidden => "forbidden",
                _ => "none",
            });
        });

    public static byte[] RedirectCall(RedirectCallOptions options) =>
        Write(w =>
        {
            w.WriteString("incomingCallContext", options.IncomingCallContext);
            w.WritePropertyName("target");
            IdentifierWire.Write(w, options.CallInvite.Target);
        });

    public static byte[] ConnectCall(ConnectCallOptions options) =>
        Write(w =>
        {
            w.WriteStartObject("callLocator");
            w.WriteString(options.CallLocator.IdPropertyName, options.CallLocator.Id);
            w.WriteString("kind", options.CallLocator.Kind);
            w.WriteEndObject();
            w.WriteString("callbackUri", options.CallbackUri.AbsoluteUri);
            WriteOptional(w, "operationContext", options.OperationContext);
            MediaRequestBodies.WriteCallMediaOptions(w, options.CallIntelligenceOptions, options.MediaStreamingOptions, options.TranscriptionOptions);
        });

    public static byte[] TransferToParticipant(TransferToParticipantOptions options, string operationContext) =>
        Write(w =>
        {
            w.WritePropertyName("targetParticipant");
            IdentifierWire.Write(w, options.Target);
            w.WriteString("operationContext", operationContext);
            if (options.Transferee is not null)
            {
                w.WritePropertyName("transferee");
                IdentifierWire.Write(w, options.Transferee);
            }

            WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
            WriteCustomCallingContext(w, options.CustomCallingContext);
            if (options.SourceCallerIdNumber is not null)
            {
                w.WritePropertyName("sourceCallerIdNumber");
                IdentifierWire.WritePhoneNumberModel(w, options.SourceCallerIdNumber);
            }
        });

    public static byte[] AddParticipant(AddParticipantOptions options) =>
        Write(w =>
        {
            var invite = options.ParticipantToAdd;
            if (invite.SourceCallerIdNumber is not null)
            {
                w.WritePropertyName("sourceCallerIdNumber");
                IdentifierWire.WritePhoneNumberModel(w, invite.SourceCallerIdNumber);
            }

            WriteOptional(w, "sourceDisplayName", invite.SourceDisplayName);
            w.WritePropertyName("participantToAdd");
            IdentifierWire.Write(w, invite.Target);
            if (options.InvitationTimeoutInSeconds is { } timeout)
            {
                w.WriteNumber("invitationTimeoutInSeconds", timeout);
            }

            WriteOptional(w, "operationContext", options.OperationContext);
            WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
            WriteCustomCallingContext(w, invite.CustomCallingContext);
        });

    public static byte[] CancelAddParticipant(CancelAddParticipantOperationOptions options) =>
        Write(w =>
        {
            w.WriteString("invitationId", options.InvitationId);
            WriteOptional(w, "operationContext", options.OperationContext);
            WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] RemoveParticipant(RemoveParticipantOptions options) =>
        Write(w =>
        {
            w.WritePropertyName("participantToRemove");
            IdentifierWire.Write(w, options.ParticipantToRemove);
            WriteOptional(w, "operationContext", options.OperationContext);
            WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
        });

    public static byte[] MuteParticipant(MuteParticipantOptions options) =>
        Write(w =>
        {
            w.WriteStartArray("targetParticipants");
            IdentifierWire.Write(w, options.TargetParticipant);
            w.WriteEndArray();
            WriteOptional(w, "operationContext", options.OperationContext);
        });

    public static byte[] MoveParticipants(MoveParticipantsOptions options) =>
        Write(w =>
        {
            w.WriteStartArray("targetParticipants");
            foreach (var participant in options.TargetParticipants)
            {
                IdentifierWire.Write(w, participant);
            }

            w.WriteEndArray();
            WriteOptional(w, "operationContext", options.OperationContext);
            WriteOptional(w, "operationCallbackUri", options.OperationCallbackUri?.AbsoluteUri);
            w.WriteString("fromCall", options.FromCall);
        });

    // JS 1.6.0 always sends both maps, empty when unused; doing the same keeps bodies byte-comparable.
    private static void WriteCustomCallingContext(Utf8JsonWriter w, CustomCallingContext context)
    {
        w.WriteStartObject("customCallingContext");
        w.WriteStartObject("voipHeaders");
        foreach (var (key, value) in context.VoipHeaders)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteStartObject("sipHeaders");
        foreach (var (key, value) in context.SipHeaders)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    internal static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    internal static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
