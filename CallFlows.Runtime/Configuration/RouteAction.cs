namespace CallFlows.Runtime.Configuration;

/// <summary>What a routing rule does with an incoming call.</summary>
public enum RouteAction
{
    /// <summary>Runs the flow named by <see cref="RouteRule.Flow"/> (the default when a flow is named).</summary>
    Flow = 0,

    /// <summary>Rejects the call with <see cref="RouteRule.RejectReason"/>.</summary>
    Reject,

    /// <summary>Redirects the call to <see cref="RouteRule.RedirectTarget"/>.</summary>
    Redirect,
}
