using CallFlows.CallAutomation;
using CallFlows.Functions.Configuration;
using CallFlows.Functions.Flows;
using Microsoft.Extensions.Options;

namespace CallFlows.Functions.Routing;

/// <summary>
/// Decides which flow handles an incoming call from the ordered rules of <c>CallFlows:Routing</c>: the first rule whose
/// <see cref="RouteRule.Called"/> pattern matches the callee wins; no match means reject.
/// </summary>
/// <param name="options">The app settings (reloaded configuration is picked up).</param>
public sealed class CallRouter(IOptionsMonitor<CallFlowsOptions> options)
{
    /// <summary>Routes a call.</summary>
    /// <param name="incomingCall">The call.</param>
    /// <returns>The decision.</returns>
    public RouteDecision Route(IncomingCall incomingCall)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var routing = options.CurrentValue.Routing;
        foreach (var rule in routing.Rules)
        {
            if (Matches(rule.Called, incomingCall.To))
            {
                var pattern = rule.Called!;
                return rule.Action switch
                {
                    RouteAction.Reject => new RouteDecision(RouteAction.Reject, FlowNames.RejectCall, pattern, false, null, rule.RejectReason, null),
                    RouteAction.Redirect => new RouteDecision(RouteAction.Redirect, FlowNames.RedirectCall, pattern, false, null, CallRejectReason.None, rule.RedirectTarget),
                    _ => new RouteDecision(RouteAction.Flow, FlowNames.Resolve(FlowNames.Inbound, rule.Flow) ?? FlowNames.InboundRouting, pattern, false,
                        rule.Settings, CallRejectReason.None, null),
                };
            }
        }

        return new RouteDecision(RouteAction.Reject, FlowNames.RejectCall, RouteDecision.UnroutedRoute, true, null, routing.UnroutedRejectReason, null);
    }

    /// <summary>Whether a rule pattern matches a callee.</summary>
    /// <param name="pattern"><c>*</c>, an E.164 number, a raw id, or either ending in <c>*</c> (prefix).</param>
    /// <param name="callee">The callee.</param>
    /// <returns>True on a match.</returns>
    public static bool Matches(string? pattern, CommunicationIdentifier? callee)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        pattern = pattern.Trim();
        if (pattern == "*")
        {
            return true;
        }

        if (callee is null)
        {
            return false;
        }

        string[] forms = callee is PhoneNumberIdentifier phone ? [callee.RawId, phone.PhoneNumber] : [callee.RawId];
        return pattern.EndsWith('*')
            ? forms.Any(f => f.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase))
            : forms.Any(f => string.Equals(f, pattern, StringComparison.OrdinalIgnoreCase));
    }
}
