using System.Text.Json;

namespace CallFlows.CallAutomation.Serialization;

/// <summary>The wire shape of identifiers (PROTOCOL.md §5), shared by the converter and the request writers.</summary>
internal static class IdentifierWire
{
    public static void Write(Utf8JsonWriter writer, CommunicationIdentifier identifier)
    {
        writer.WriteStartObject();
        switch (identifier)
        {
            case CommunicationUserIdentifier user:
                writer.WriteString("kind", "communicationUser");
                writer.WriteString("rawId", user.RawId);
                writer.WriteStartObject("communicationUser");
                writer.WriteString("id", user.Id);
                writer.WriteEndObject();
                break;
            case PhoneNumberIdentifier phone:
                writer.WriteString("kind", "phoneNumber");
                writer.WriteString("rawId", phone.RawId);
                writer.WritePropertyName("phoneNumber");
                WritePhoneNumberModel(writer, phone);
                break;
            case MicrosoftTeamsUserIdentifier teamsUser:
                writer.WriteString("kind", "microsoftTeamsUser");
                writer.WriteString("rawId", teamsUser.RawId);
                writer.WriteStartObject("microsoftTeamsUser");
                writer.WriteString("userId", teamsUser.UserId);
                writer.WriteBoolean("isAnonymous", teamsUser.IsAnonymous);
                writer.WriteString("cloud", teamsUser.Cloud.ToString());
                writer.WriteEndObject();
                break;
            case MicrosoftTeamsAppIdentifier app:
                writer.WriteString("kind", "microsoftTeamsApp");
                writer.WriteString("rawId", app.RawId);
                writer.WriteStartObject("microsoftTeamsApp");
                writer.WriteString("appId", app.AppId);
                writer.WriteString("cloud", app.Cloud.ToString());
                writer.WriteEndObject();
                break;
            case TeamsExtensionUserIdentifier extension:
                writer.WriteString("kind", "teamsExtensionUser");
                writer.WriteString("rawId", extension.RawId);
                writer.WriteStartObject("teamsExtensionUser");
                writer.WriteString("userId", extension.UserId);
                writer.WriteString("tenantId", extension.TenantId);
                writer.WriteString("resourceId", extension.ResourceId);
                writer.WriteString("cloud", extension.Cloud.ToString());
                writer.WriteEndObject();
                break;
            default:
                writer.WriteString("kind", "unknown");
                writer.WriteString("rawId", identifier.RawId);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>PhoneNumberIdentifierModel</c> (<c>value</c>, <c>isAnonymous</c>, optional <c>assertedId</c>).</summary>
    public static void WritePhoneNumberModel(Utf8JsonWriter writer, PhoneNumberIdentifier phone)
    {
        writer.WriteStartObject();
        writer.WriteString("value", phone.PhoneNumber);
        writer.WriteBoolean("isAnonymous", phone.IsAnonymous);
        if (phone.AssertedId is { } assertedId)
        {
            writer.WriteString("assertedId", assertedId);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a <c>CommunicationIdentifierModel</c>; the kind's nested object wins, the raw id is kept verbatim.</summary>
    public static CommunicationIdentifier Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A communication identifier must be a JSON object, not {element.ValueKind}.");
        }

        var rawId = GetString(element, "rawId");
        var kind = GetString(element, "kind");

        if (TryGetObject(element, "communicationUser", out var user) && (kind is null || kind == "communicationUser"))
        {
            var id = GetString(user, "id") ?? rawId ?? throw new JsonException("communicationUser.id is missing.");
            return new CommunicationUserIdentifier(id);
        }

        if (TryGetObject(element, "phoneNumber", out var phone) && (kind is null || kind == "phoneNumber"))
        {
            return ReadPhoneNumberModel(phone, rawId);
        }

        if (TryGetObject(element, "microsoftTeamsUser", out var teamsUser) && (kind is null || kind == "microsoftTeamsUser"))
        {
            var userId = GetString(teamsUser, "userId") ?? throw new JsonException("microsoftTeamsUser.userId is missing.");
            var isAnonymous = teamsUser.TryGetProperty("isAnonymous", out var anonymous) && anonymous.ValueKind == JsonValueKind.True;
            return new MicrosoftTeamsUserIdentifier(userId, isAnonymous, ReadCloud(teamsUser), rawId);
        }

        if (TryGetObject(element, "microsoftTeamsApp", out var app) && (kind is null || kind == "microsoftTeamsApp"))
        {
            var appId = GetString(app, "appId") ?? throw new JsonException("microsoftTeamsApp.appId is missing.");
            var identifier = new MicrosoftTeamsAppIdentifier(appId, ReadCloud(app));
            return rawId is null || identifier.RawId == rawId ? identifier : CommunicationIdentifier.FromRawId(rawId);
        }

        if (TryGetObject(element, "teamsExtensionUser", out var extension) && (kind is null || kind == "teamsExtensionUser"))
        {
            var identifier = new TeamsExtensionUserIdentifier(
                GetString(extension, "userId") ?? throw new JsonException("teamsExtensionUser.userId is missing."),
                GetString(extension, "tenantId") ?? throw new JsonException("teamsExtensionUser.tenantId is missing."),
                GetString(extension, "resourceId") ?? throw new JsonException("teamsExtensionUser.resourceId is missing."),
                ReadCloud(extension));
            return rawId is null || identifier.RawId == rawId ? identifier : CommunicationIdentifier.FromRawId(rawId);
        }

        if (string.IsNullOrEmpty(rawId))
        {
            throw new JsonException("A communication identifier needs a rawId or a nested identifier object.");
        }

        return kind == "unknown" ? new UnknownIdentifier(rawId) : CommunicationIdentifier.FromRawId(rawId);
    }

    /// <summary>Reads a <c>PhoneNumberIdentifierModel</c>.</summary>
    public static PhoneNumberIdentifier ReadPhoneNumberModel(JsonElement phone, string? rawId = null)
    {
        var value = GetString(phone, "value") ?? throw new JsonException("phoneNumber.value is missing.");
        var isAnonymous = phone.TryGetProperty("isAnonymous", out var anonymous) && anonymous.ValueKind == JsonValueKind.True;
        var assertedId = GetString(phone, "assertedId");
        rawId ??= isAnonymous ? "4:anonymous" : assertedId is null ? null : $"{PhoneNumberIdentifier.Prefix}{value}_{assertedId}";
        return new PhoneNumberIdentifier(value, rawId);
    }

    /// <summary>Reads a <c>CommunicationUserIdentifierModel</c> (<c>{ "id": ... }</c>).</summary>
    public static CommunicationUserIdentifier ReadCommunicationUserModel(JsonElement user) =>
        new(GetString(user, "id") ?? throw new JsonException("communicationUser.id is missing."));

    private static CommunicationCloudEnvironment ReadCloud(JsonElement element) =>
        GetString(element, "cloud") is { Length: > 0 } cloud ? new CommunicationCloudEnvironment(cloud) : CommunicationCloudEnvironment.Public;

    internal static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGetObject(JsonElement element, string name, out JsonElement value) =>
        element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;
}
