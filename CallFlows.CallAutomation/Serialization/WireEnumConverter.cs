using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>
/// Reads and writes an enum as its camelCase wire value (<c>PoundSign</c> ⇄ <c>poundSign</c>). An unknown value reads as
/// the enum's zero member (<c>Unknown</c>), so a value the service adds later never makes an event unparseable.
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
internal sealed class WireEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByWire =
        Enum.GetValues<T>().ToFrozenDictionary(v => ToWire(v), v => v, StringComparer.OrdinalIgnoreCase);

    public static string ToWire(T value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T FromWire(string? value) => value is not null && ByWire.TryGetValue(value, out var parsed) ? parsed : default;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? FromWire(reader.GetString()) : default;

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ToWire(value));
}
