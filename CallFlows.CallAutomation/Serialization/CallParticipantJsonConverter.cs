using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>
/// Reads a <see cref="CallParticipant"/> in the current shape (<c>{identifier, isMuted, isOnHold}</c>) and in the older one
/// where the array holds bare identifiers (<c>{rawId, kind, phoneNumber…}</c>, seen in the SDKs' tests); an element that is
/// neither is rejected rather than read as a participant without identifier. Writes the current shape.
/// </summary>
internal sealed class CallParticipantJsonConverter : JsonConverter<CallParticipant>
{
    private static readonly string[] BareIdentifierKeys = ["communicationUser", "phoneNumber", "microsoftTeamsUser", "microsoftTeamsApp", "teamsExtensionUser"];

    public override CallParticipant? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var e = document.RootElement;
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A participant must be a JSON object, not {e.ValueKind}.");
        }

        if (TryGet(e, "identifier") is { ValueKind: JsonValueKind.Object } identifier)
        {
            return new CallParticipant
            {
                Identifier = IdentifierWire.Read(identifier),
                IsMuted = TryGet(e, "isMuted") is { ValueKind: JsonValueKind.True },
                IsOnHold = TryGet(e, "isOnHold") is { ValueKind: JsonValueKind.True },
            };
        }

        if (TryGet(e, "rawId") is { ValueKind: JsonValueKind.String } || TryGet(e, "kind") is { ValueKind: JsonValueKind.String }
            || BareIdentifierKeys.Any(key => TryGet(e, key) is { ValueKind: JsonValueKind.Object }))
        {
            // The older payload: the participant is the identifier itself.
            return new CallParticipant { Identifier = IdentifierWire.Read(e) };
        }

        throw new JsonException("A participant has neither an 'identifier' nor the 'rawId'/'kind' of a bare identifier.");
    }

    public override void Write(Utf8JsonWriter writer, CallParticipant value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Identifier is not null)
        {
            writer.WritePropertyName("identifier");
            IdentifierWire.Write(writer, value.Identifier);
        }

        writer.WriteBoolean("isMuted", value.IsMuted);
        writer.WriteBoolean("isOnHold", value.IsOnHold);
        writer.WriteEndObject();
    }

    private static JsonElement? TryGet(JsonElement e, string name)
    {
        foreach (var property in e.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
