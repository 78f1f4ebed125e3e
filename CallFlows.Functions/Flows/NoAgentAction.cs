namespace CallFlows.Functions.Flows;

/// <summary>What the inbound routing flow does when the agent declines, is busy or does not answer.</summary>
public enum NoAgentAction
{
    /// <summary>End the call for everyone.</summary>
    HangUp = 0,

    /// <summary>Transfer the caller to the rule's fallback target, with its custom headers.</summary>
    Transfer,
}
