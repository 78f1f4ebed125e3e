using CallFlows.CallAutomation;
using CallFlows.Runtime.BuiltIn;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Routing;

/// <summary>
/// Decides which flow handles an incoming call from the ordered rules of <c>CallFlows:Routing</c>: the first rule whose
/// <see cref="RouteRule.Called"/> pattern matches the callee wins; no match means reject. Rules and settings were
/// validated at startup (<see cref="CallFlowsOptionsValidator"/>).
/// </summary>
/// <param name="options">The app settings (reloaded configuration is picked up).</param>
/// <param name="flows">The registered flows.</param>
internal sealed class CallRouter(IOptionsMonitor<CallFlowsOptions> options, CallFlowRegistry flows)
{
    /// <summary>Routes a call.</summary>
    /// <param name="incomingCall">The call.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="InvalidOperationException">A rule names no registered flow or has invalid settings (reloaded configuration that startup did not see).</exception>
    public RouteDecision Route(IncomingCall incomingCall)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var routing = options.CurrentValue.Routing;
        for (var i = 0; i < routing.Rules.Count; i++)
        {
            var rule = routing.Rules[i];
            if (Matches(rule.Called, incomingCall.To))
            {
                var errors = new List<string>();
                var decision = Decide(rule, $"CallFlows:Routing:Rules:{i}", flows, errors);
                return errors.Count == 0 && decision is not null
                    ? decision
                    : throw new InvalidOperationException(string.Join(" ", errors));
            }
        }

        return new RouteDecision(RouteAction.Reject, nameof(RejectCallFlow), RouteDecision.UnroutedRoute, true,
            new RejectCallSettings { Reason = routing.UnroutedRejectReason }, routing.UnroutedRejectReason);
    }

    /// <summary>The decision a rule makes, with its settings bound and validated; problems are added to <paramref name="errors"/>.</summary>
    internal static RouteDecision? Decide(RouteRule rule, string path, CallFlowRegistry flows, List<string> errors)
    {
        var pattern = rule.Called ?? "*";
        switch (rule.Action)
        {
            case RouteAction.Reject:
                return new RouteDecision(RouteAction.Reject, nameof(RejectCallFlow), pattern, false, new RejectCallSettings { Reason = rule.RejectReason }, rule.RejectReason);
            case RouteAction.Redirect:
                return new RouteDecision(RouteAction.Redirect, nameof(RedirectCallFlow), pattern, false, new RedirectCallSettings { Target = rule.RedirectTarget }, CallRejectReason.None);
            default:
                var flow = flows.Find(rule.Flow, CallFlowKind.Inbound);
                if (flow is null)
                {
                    errors.Add(string.IsNullOrWhiteSpace(rule.Flow)
                        ? $"{path}:Flow is required: name a registered inbound flow ({flows.Names(CallFlowKind.Inbound)})."
                        : $"{path}:Flow '{rule.Flow}' names no registered inbound flow (registered: {flows.Names(CallFlowKind.Inbound)}).");
                    return null;
                }

                var settings = FlowSettingsBinder.Bind(flow, rule.Settings, path + ":Settings", errors);
                return new RouteDecision(RouteAction.Flow, flow.Name, pattern, false, settings, CallRejectReason.None, flow.AnswerOnArrival);
        }
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
