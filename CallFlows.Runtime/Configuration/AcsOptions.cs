namespace CallFlows.Runtime.Configuration;

/// <summary>How the app reaches Azure Communication Services (configuration section <c>CallFlows:Acs</c>).</summary>
public sealed class AcsOptions
{
    /// <summary>
    /// The ACS connection string (<c>endpoint=...;accesskey=...</c>); when set it wins over <see cref="Endpoint"/>.
    /// Null (the default) uses <see cref="Endpoint"/> with <c>DefaultAzureCredential</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The ACS resource endpoint used with Microsoft Entra ID (<c>DefaultAzureCredential</c>); null by default.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The immutable resource id (GUID) of the ACS resource: the audience of callback tokens unless
    /// <see cref="CallbackAuthOptions.Audience"/> is set. Null by default.
    /// </summary>
    public string? ResourceId { get; set; }

    /// <summary>
    /// The Azure AI services (Cognitive Services) endpoint attached to calls the app answers or places
    /// (<c>callIntelligenceOptions</c>); text and SSML prompts, speech and choice recognition need it (without it ACS
    /// refuses them with 405, error code 8522). Null by default (file prompts and DTMF only).
    /// </summary>
    public Uri? CognitiveServicesEndpoint { get; set; }
}
