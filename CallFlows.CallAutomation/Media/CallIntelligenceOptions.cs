namespace CallFlows.CallAutomation;

/// <summary>AI options of a call (wire <c>callIntelligenceOptions</c>): the Cognitive Services endpoint that text-to-speech and speech recognition use.</summary>
public sealed class CallIntelligenceOptions
{
    /// <summary>The Azure AI (Cognitive Services) multi-service endpoint; null (the default) sends none, and then text, SSML and speech fail.</summary>
    public Uri? CognitiveServicesEndpoint { get; set; }
}
