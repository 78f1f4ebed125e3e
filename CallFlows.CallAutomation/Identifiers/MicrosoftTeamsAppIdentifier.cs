using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>A Microsoft Teams application, e.g. a Teams voice app (raw id <c>28:orgid:</c>, <c>28:dod:</c>, <c>28:gcch:</c>).</summary>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public sealed class MicrosoftTeamsAppIdentifier : CommunicationIdentifier
{
    /// <summary>Creates a Teams app identifier.</summary>
    /// <param name="appId">The Entra application id of the bot.</param>
    /// <param name="cloud">The cloud of the app; defaults to <see cref="CommunicationCloudEnvironment.Public"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="appId"/> is null or empty.</exception>
    public MicrosoftTeamsAppIdentifier(string appId, CommunicationCloudEnvironment? cloud = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        AppId = appId;
        Cloud = cloud ?? CommunicationCloudEnvironment.Public;
        RawId = (Cloud == CommunicationCloudEnvironment.Dod ? "28:dod:" : Cloud == CommunicationCloudEnvironment.Gcch ? "28:gcch:" : "28:orgid:") + appId;
    }

    /// <summary>The Entra application id.</summary>
    public string AppId { get; }

    /// <summary>The cloud of the app.</summary>
    public CommunicationCloudEnvironment Cloud { get; }

    /// <inheritdoc />
    public override string RawId { get; }
}
