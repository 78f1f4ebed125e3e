namespace CallFlows.Runtime.BuiltIn;

/// <summary>How a routing rule's reject or redirect ended.</summary>
public enum RoutedCallResult
{
    /// <summary>The call was rejected as the rule said.</summary>
    [FlowOutcome("The call was rejected as its routing rule says.", Succeeded = true)]
    Rejected,

    /// <summary>The call was redirected as the rule said.</summary>
    [FlowOutcome("The call was redirected as its routing rule says.", Succeeded = true)]
    Redirected,

    /// <summary>ACS refused the reject request (e.g. the caller already hung up).</summary>
    [FlowOutcome("ACS refused to reject the call.")]
    RejectFailed,

    /// <summary>ACS refused the redirect request.</summary>
    [FlowOutcome("ACS refused to redirect the call.")]
    RedirectFailed,
}
