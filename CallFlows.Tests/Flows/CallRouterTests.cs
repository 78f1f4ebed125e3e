using CallFlows.CallAutomation;
using CallFlows.Functions.Flows;
using Microsoft.Extensions.Options;

namespace CallFlows.Tests.Flows;

public sealed class CallRouterTests
{
    private static CallRouter Router(params RouteRule[] rules)
    {
        var options = new CallFlowsOptions { Routing = new RoutingOptions { Rules = rules.ToList(), UnroutedRejectReason = CallRejectReason.Busy } };
        return new CallRouter(new StaticOptionsMonitor(options), Registry);
    }

    private static readonly CallFlowRegistry Registry = new([typeof(InboundRoutingFlow).Assembly]);

    private static IncomingCall CallTo(string rawId) => new()
    {
        To = CommunicationIdentifier.FromRawId(rawId),
        From = new PhoneNumberIdentifier("+14255550999"),
        ServerCallId = "server-1",
        IncomingCallContext = "ctx",
    };

    [Fact]
    public void Route_ExactE164Number_MatchesPhoneRawIdAndRunsNamedFlow()
    {
        var router = Router(new RouteRule { Called = "+14255550100", Flow = "InboundRouting", Settings = RouteRule.SettingsFrom(new InboundRouteSettings { Agent = "8:acs:agent" }) });

        var decision = router.Route(CallTo("4:+14255550100"));

        decision.Action.Should().Be(RouteAction.Flow);
        decision.FlowName.Should().Be(nameof(InboundRoutingFlow));
        decision.Route.Should().Be("+14255550100");
        decision.Settings.Should().BeOfType<InboundRouteSettings>().Which.Agent.Should().Be("8:acs:agent");
        decision.IsUnrouted.Should().BeFalse();
    }

    [Fact]
    public void Route_RulesInOrder_FirstMatchWinsOverLaterWildcard()
    {
        var router = Router(
            new RouteRule { Called = "+1425555*", Action = RouteAction.Reject, RejectReason = CallRejectReason.Busy },
            new RouteRule { Called = "+14255550100", Action = RouteAction.Redirect, RedirectTarget = "4:+14255550199" },
            new RouteRule { Called = "*", Action = RouteAction.Reject, RejectReason = CallRejectReason.Forbidden });

        var decision = router.Route(CallTo("4:+14255550100"));

        decision.Action.Should().Be(RouteAction.Reject);
        decision.FlowName.Should().Be(nameof(RejectCallFlow));
        decision.RejectReason.Should().Be(CallRejectReason.Busy);
        decision.Route.Should().Be("+1425555*");
    }

    [Fact]
    public void Route_AcsUserRawId_MatchesExactRawIdAndRedirects()
    {
        var router = Router(
            new RouteRule { Called = "+14255550100", Action = RouteAction.Reject },
            new RouteRule { Called = "8:acs:resource_user1", Action = RouteAction.Redirect, RedirectTarget = "4:+14255550199" });

        var decision = router.Route(CallTo("8:acs:resource_user1"));

        decision.Action.Should().Be(RouteAction.Redirect);
        decision.FlowName.Should().Be(nameof(RedirectCallFlow));
        decision.Settings.Should().BeOfType<RedirectCallSettings>().Which.Target.Should().Be("4:+14255550199");
    }

    [Fact]
    public void Route_NoRuleMatches_RejectsAsUnroutedWithConfiguredReason()
    {
        var router = Router(new RouteRule { Called = "+14255550100", Flow = "InboundRouting", Settings = RouteRule.SettingsFrom(new InboundRouteSettings { Agent = "8:acs:agent" }) });

        var decision = router.Route(CallTo("4:+18005550000"));

        decision.IsUnrouted.Should().BeTrue();
        decision.Action.Should().Be(RouteAction.Reject);
        decision.FlowName.Should().Be(nameof(RejectCallFlow));
        decision.RejectReason.Should().Be(CallRejectReason.Busy);
        decision.Route.Should().Be(RouteDecision.UnroutedRoute);
    }

    [Fact]
    public void Route_WildcardFallback_CatchesAnyCallee()
    {
        var router = Router(
            new RouteRule { Called = "+14255550100", Action = RouteAction.Reject },
            new RouteRule { Called = "*", Action = RouteAction.Redirect, RedirectTarget = "8:acs:operator" });

        router.Route(CallTo("8:acs:someone")).Settings.Should().BeOfType<RedirectCallSettings>().Which.Target.Should().Be("8:acs:operator");
        router.Route(CallTo("4:+19995550000")).Action.Should().Be(RouteAction.Redirect);
    }

    [Theory]
    [InlineData("4:+14255550100", "+14255550100", true)]
    [InlineData("4:+14255550100", "4:+14255550100", true)]
    [InlineData("4:+14255550100", "+1425*", true)]
    [InlineData("4:+14255550100", "4:+1425*", true)]
    [InlineData("4:+14255550100", "+14255550101", false)]
    [InlineData("4:+14255550100", "+1426*", false)]
    [InlineData("8:acs:res_user", "8:acs:*", true)]
    [InlineData("8:acs:res_user", "+1*", false)]
    [InlineData("8:acs:res_user", "", false)]
    public void Matches_Pattern_MatchesCalleeForms(string callee, string pattern, bool expected) =>
        CallRouter.Matches(pattern, CommunicationIdentifier.FromRawId(callee)).Should().Be(expected);

    [Fact]
    public void Route_ReloadedRules_AreUsedForTheNextCall()
    {
        var options = new CallFlowsOptions();
        var monitor = new StaticOptionsMonitor(options);
        var router = new CallRouter(monitor, Registry);
        router.Route(CallTo("4:+14255550100")).IsUnrouted.Should().BeTrue();

        monitor.CurrentValue = new CallFlowsOptions { Routing = new RoutingOptions { Rules = [new RouteRule { Called = "*", Action = RouteAction.Reject }] } };

        router.Route(CallTo("4:+14255550100")).IsUnrouted.Should().BeFalse();
    }

    private sealed class StaticOptionsMonitor(CallFlowsOptions value) : IOptionsMonitor<CallFlowsOptions>
    {
        public CallFlowsOptions CurrentValue { get; set; } = value;

        public CallFlowsOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<CallFlowsOptions, string?> listener) => null;
    }
}
