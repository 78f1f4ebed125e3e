using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>
/// Server-side handling of <c>CommunicationIdentifierModel</c> (PROTOCOL.md §5): raw id from a request model, full
/// response model from a raw id. The emulator keys everything by raw id, exactly as the service does.
/// </summary>
internal static class WireIdentifier
{
    private static readonly string[] AcsPrefixes = ["8:acs:", "8:spool:", "8:dod-acs:", "8:gcch-acs:"];

    /// <summary>Reads a request identifier model; returns null and an error naming the field when it is unusable.</summary>
    public static string? TryReadRawId(JsonNode? node, string path, out string? error)
    {
        error = null;
        if (node is not JsonObject model)
        {
            error = $"{path}: an identifier object is required.";
            return null;
        }

        var kind = Text(model["kind"]);
        var nestedNames = new[] { "communicationUser", "phoneNumber", "microsoftTeamsUser", "microsoftTeamsApp", "teamsExtensionUser" }
            .Where(n => model[n] is JsonObject).ToList();
        if (nestedNames.Count > 1)
        {
            error = $"{path}: at most one of {string.Join(", ", nestedNames)} may be set (the model is polymorphic).";
            return null;
        }

        var nested = nestedNames.Count == 1 ? nestedNames[0] : null;
        if (kind is not null && nested is not null && !string.Equals(kind, nested, StringComparison.Ordinal))
        {
            error = $"{path}.kind: '{kind}' does not match the '{nested}' property that is set.";
            return null;
        }

        var rawId = nested switch
        {
            "communicationUser" => Text(model[nested]!["id"]),
            "phoneNumber" => model[nested]!["isAnonymous"]?.GetValue<bool>() == true ? "4:anonymous" : Prefix("4:", Text(model[nested]!["value"])),
            "microsoftTeamsUser" => TeamsUserRawId(model[nested]!.AsObject()),
            "microsoftTeamsApp" => Prefix(CloudPrefix("28:", Text(model[nested]!["cloud"]), "orgid"), Text(model[nested]!["appId"])),
            "teamsExtensionUser" => TeamsExtensionRawId(model[nested]!.AsObject()),
            _ => Text(model["rawId"]),
        };

        if (string.IsNullOrWhiteSpace(rawId))
        {
            error = nested is null
                ? $"{path}.rawId: an identifier needs rawId or a kind-specific property (communicationUser, phoneNumber, ...)."
                : $"{path}.{nested}: the identifier value is missing.";
            return null;
        }

        if (nested == "phoneNumber" && rawId != "4:anonymous" && !IsE164(rawId[2..]))
        {
            error = $"{path}.phoneNumber.value: '{rawId[2..]}' is not an E.164 phone number (+ and 7 to 15 digits).";
            return null;
        }

        return rawId;
    }

    /// <summary>Builds the response model the service returns: kind, rawId and the kind-specific property.</summary>
    public static JsonObject ToModel(string rawId)
    {
        var model = new JsonObject { ["kind"] = KindOf(rawId), ["rawId"] = rawId };
        switch (KindOf(rawId))
        {
            case "phoneNumber":
                var value = rawId[2..];
                model["phoneNumber"] = new JsonObject { ["value"] = value, ["isAnonymous"] = value == "anonymous" };
                break;
            case "communicationUser":
                model["communicationUser"] = new JsonObject { ["id"] = rawId };
                break;
            case "teamsExtensionUser":
                var parts = rawId[(rawId.IndexOf(':', 2) + 1)..].Split('_');
                model["teamsExtensionUser"] = new JsonObject { ["resourceId"] = parts[0], ["tenantId"] = parts[1], ["userId"] = parts[2], ["cloud"] = CloudOf(rawId) };
                break;
            case "microsoftTeamsUser":
                model["microsoftTeamsUser"] = new JsonObject
                {
                    ["userId"] = rawId[(rawId.IndexOf(':', 2) + 1)..],
                    ["isAnonymous"] = rawId.StartsWith("8:teamsvisitor:", StringComparison.Ordinal),
                    ["cloud"] = CloudOf(rawId),
                };
                break;
            case "microsoftTeamsApp":
                model["microsoftTeamsApp"] = new JsonObject { ["appId"] = rawId[(rawId.IndexOf(':', 3) + 1)..], ["cloud"] = CloudOf(rawId) };
                break;
        }

        return model;
    }

    /// <summary>The <c>PhoneNumberIdentifierModel</c> of a phone raw id.</summary>
    public static JsonObject ToPhoneModel(string rawId) => new() { ["value"] = rawId[2..], ["isAnonymous"] = false };

    /// <summary>The wire kind of a raw id (JS <c>createIdentifierFromRawId</c> rules).</summary>
    public static string KindOf(string rawId)
    {
        if (rawId.StartsWith("4:", StringComparison.Ordinal))
        {
            return "phoneNumber";
        }

        if (AcsPrefixes.Any(p => rawId.StartsWith(p, StringComparison.Ordinal)))
        {
            var rest = rawId[(rawId.IndexOf(':', 2) + 1)..];
            return rest.Split('_').Length == 3 ? "teamsExtensionUser" : "communicationUser";
        }

        if (rawId.StartsWith("8:orgid:", StringComparison.Ordinal) || rawId.StartsWith("8:dod:", StringComparison.Ordinal)
            || rawId.StartsWith("8:gcch:", StringComparison.Ordinal) || rawId.StartsWith("8:teamsvisitor:", StringComparison.Ordinal))
        {
            return "microsoftTeamsUser";
        }

        if (rawId.StartsWith("28:orgid:", StringComparison.Ordinal) || rawId.StartsWith("28:dod:", StringComparison.Ordinal)
            || rawId.StartsWith("28:gcch:", StringComparison.Ordinal))
        {
            return "microsoftTeamsApp";
        }

        return "unknown";
    }

    /// <summary>Whether the raw id is a phone number (PSTN leg).</summary>
    public static bool IsPhone(string rawId) => rawId.StartsWith("4:", StringComparison.Ordinal);

    /// <summary>Accepts a raw id or the shorthand <c>+15550001111</c> (taken as a phone number) and returns the raw id.</summary>
    public static string Normalize(string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        var trimmed = identity.Trim();
        return trimmed.StartsWith('+') ? "4:" + trimmed : trimmed;
    }

    /// <summary>Whether <paramref name="value"/> is <c>+</c> followed by 7 to 15 digits.</summary>
    public static bool IsE164(string value) =>
        value.Length is >= 8 and <= 16 && value[0] == '+' && value.Skip(1).All(char.IsAsciiDigit);

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Prefix(string prefix, string? value) => value is null ? null : prefix + value;

    private static string CloudPrefix(string head, string? cloud, string publicName) => cloud switch
    {
        "dod" => head + "dod:",
        "gcch" => head + "gcch:",
        _ => head + publicName + ":",
    };

    private static string? TeamsUserRawId(JsonObject user)
    {
        var id = Text(user["userId"]);
        if (id is null)
        {
            return null;
        }

        return user["isAnonymous"]?.GetValue<bool>() == true ? "8:teamsvisitor:" + id : CloudPrefix("8:", Text(user["cloud"]), "orgid") + id;
    }

    private static string? TeamsExtensionRawId(JsonObject user)
    {
        var (resource, tenant, id) = (Text(user["resourceId"]), Text(user["tenantId"]), Text(user["userId"]));
        if (resource is null || tenant is null || id is null)
        {
            return null;
        }

        var prefix = Text(user["cloud"]) switch { "dod" => "8:dod-acs:", "gcch" => "8:gcch-acs:", _ => "8:acs:" };
        return $"{prefix}{resource}_{tenant}_{id}";
    }

    private static string CloudOf(string rawId) =>
        rawId.Contains(":dod", StringComparison.Ordinal) ? "dod" : rawId.Contains(":gcch", StringComparison.Ordinal) ? "gcch" : "public";
}
