using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>
/// Reads and writes <see cref="CommunicationIdentifier"/> and its subclasses as the REST
/// <c>CommunicationIdentifierModel</c> (<c>kind</c> + <c>rawId</c> + the nested object of that kind), independent of
/// the caller's naming policy, exactly as the JS SDK 1.6.0 sends it.
/// </summary>
internal sealed class CommunicationIdentifierJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(CommunicationIdentifier).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : CommunicationIdentifier
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            using var document = JsonDocument.ParseValue(ref reader);
            var identifier = IdentifierWire.Read(document.RootElement);
            return identifier as T
                ?? throw new JsonException($"The identifier '{identifier.RawId}' is a {identifier.GetType().Name}, not a {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => IdentifierWire.Write(writer, value);
    }
}
