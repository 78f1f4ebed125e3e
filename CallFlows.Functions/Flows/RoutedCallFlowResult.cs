namespace CallFlows.Functions.Flows;

/// <summary>How <see cref="FlowNames.RejectCall"/> and <see cref="FlowNames.RedirectCall"/> ended.</summary>
public enum RoutedCallFlowResult
{
    /// <summary>The call was rejected as the routing rule said (or because no rule matched).</summary>
    Rejected = 0,

    /// <summary>The call was redirected to the rule's target.</summary>
    Redirected,

    /// <summary>ACS refused the reject request (e.g. the caller already hung up).</summary>
    RejectFailed,

    /// <summary>ACS refused the redirect request.</summary>
    RedirectFailed,
}
