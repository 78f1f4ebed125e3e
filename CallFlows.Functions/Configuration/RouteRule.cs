using CallFlows.CallAutomation;

namespace CallFlows.Functions.Configuration;

/// <summary>One routing rule (an element of <c>CallFlows:Routing:Rules</c>).</summary>
public sealed class RouteRule
{
    /// <summary>
    /// What the called party must be: an E.164 number (<c>+14255550100</c>), a raw id (<c>4:+14255550100</c>,
    /// <c>8:acs:...</c>), a prefix ending in <c>*</c> (<c>+1425*</c>, <c>8:acs:*</c>) or <c>*</c> for any call. Required.
    /// </summary>
    public string? Called { get; set; }

    /// <summary>What the rule does; <see cref="RouteAction.Flow"/> by default.</summary>
    public RouteAction Action { get; set; } = RouteAction.Flow;

    /// <summary>For <see cref="RouteAction.Flow"/>: the flow to run (see <see cref="Flows.FlowNames.Inbound"/>). Null by default.</summary>
    public string? Flow { get; set; }

    /// <summary>For <see cref="RouteAction.Reject"/>: the reject reason; <see cref="CallRejectReason.None"/> by default.</summary>
    public CallRejectReason RejectReason { get; set; } = CallRejectReason.None;

    /// <summary>For <see cref="RouteAction.Redirect"/>: the raw id to redirect to (e.g. <c>4:+14255550199</c>). Null by default.</summary>
    public string? RedirectTarget { get; set; }

    /// <summary>For <see cref="RouteAction.Flow"/>: the flow's settings.</summary>
    public InboundRouteSettings Settings { get; set; } = new();
}
