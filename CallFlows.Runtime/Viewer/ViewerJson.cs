using System.Globalization;
using System.Text.Json;

namespace CallFlows.Runtime.Viewer;

/// <summary>
/// Reads the few fields the viewer shows out of serialized flow inputs, outputs, custom statuses and callback
/// envelopes, case-insensitively and without binding to the flow types (any flow's JSON works; bad JSON is skipped).
/// </summary>
internal static class ViewerJson
{
    public static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement.Clone();
            // The durable data converter may wrap a JSON string (a serialized string payload): unwrap one level.
            return root.ValueKind == JsonValueKind.String && root.GetString() is { } inner && inner.TrimStart().StartsWith('{')
                ? Parse(inner)
                : root;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? Get(JsonElement? element, params string[] path)
    {
        JsonElement? current = element;
        foreach (string name in path)
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj)
            {
                return null;
            }

            current = null;
            foreach (JsonProperty property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    current = property.Value;
                    break;
                }
            }
        }

        return current is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } found ? found : null;
    }

    public static string? String(JsonElement? element, params string[] path) => Get(element, path) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    public static int? Int(JsonElement? element, params string[] path) => Get(element, path) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out int value) => value,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) => value,
        _ => null,
    };

    public static bool? Bool(JsonElement? element, params string[] path) => Get(element, path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>A communication identifier as its raw id: an object with <c>rawId</c>, or a plain string.</summary>
    public static string? RawId(JsonElement? identifier) => identifier switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } => String(identifier, "rawId") ?? String(identifier, "identifier", "rawId"),
        _ => null,
    };

    /// <summary>Who called whom, from a flow input: inbound (<c>IncomingCall.From/To</c>) or outbound (<c>CallerId</c>, <c>Targets</c>).</summary>
    public static (string? From, string? To) Parties(JsonElement? input)
    {
        if (Get(input, "IncomingCall") is { } incoming)
        {
            return (RawId(Get(incoming, "From")), RawId(Get(incoming, "To")));
        }

        string? to = Get(input, "Targets") is { ValueKind: JsonValueKind.Array } targets
            ? string.Join(", ", targets.EnumerateArray().Select(t => RawId(t)).Where(t => !string.IsNullOrEmpty(t)))
            : RawId(Get(input, "Participant"));
        return (String(input, "CallerId"), string.IsNullOrEmpty(to) ? null : to);
    }
}
