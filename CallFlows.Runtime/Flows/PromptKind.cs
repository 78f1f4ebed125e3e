namespace CallFlows.Runtime;

/// <summary>What a <see cref="Prompt"/> plays.</summary>
public enum PromptKind
{
    /// <summary>Text spoken by text-to-speech (needs <c>CallFlows:Acs:CognitiveServicesEndpoint</c>).</summary>
    Text,

    /// <summary>SSML spoken by text-to-speech (needs <c>CallFlows:Acs:CognitiveServicesEndpoint</c>).</summary>
    Ssml,

    /// <summary>An audio file (WAV, 16 kHz mono) at a URL ACS can fetch.</summary>
    File,
}
