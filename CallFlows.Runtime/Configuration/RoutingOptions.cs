using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Configuration;

/// <summary>Which flow handles which called number or identity (configuration section <c>CallFlows:Routing</c>).</summary>
public sealed class RoutingOptions
{
    /// <summary>The rules, tried in order; the first whose <see cref="RouteRule.Called"/> matches wins. Empty by default.</summary>
    public IList<RouteRule> Rules { get; init; } = [];

    /// <summary>The reason used to reject a call that no rule matches; <see cref="CallRejectReason.Forbidden"/> by default.</summary>
    public CallRejectReason UnroutedRejectReason { get; set; } = CallRejectReason.Forbidden;
}
