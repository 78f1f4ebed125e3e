using CallFlows.CallAutomation;
using CallFlows.Functions.Flows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallFlows.Tests.Flows;

public sealed class AddCallFlowsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddCallFlows(configuration, typeof(InboundRoutingFlow).Assembly);
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["CallFlows:CallbackBaseUrl"] = "https://app.example.com/",
        ["CallFlows:Acs:ConnectionString"] = "endpoint=https://acs.example.com/;accesskey=" + Convert.ToBase64String(new byte[32]),
        ["CallFlows:Acs:ResourceId"] = "6d0b1e4e-1c7d-4a4e-9a51-3f5f0c1a2b3c",
        ["CallFlows:Routing:Rules:0:Called"] = "+14255550100",
        ["CallFlows:Routing:Rules:0:Flow"] = "InboundRouting",
        ["CallFlows:Routing:Rules:0:Settings:Agent"] = "8:acs:agent",
        ["CallFlows:Routing:Rules:0:Settings:OnNoAgent"] = "Transfer",
        ["CallFlows:Routing:Rules:0:Settings:FallbackTarget"] = "4:+14255550199",
        ["CallFlows:Routing:Rules:0:Settings:FallbackSipHeaders:Queue"] = "support",
        ["CallFlows:Routing:Rules:0:Settings:AgentInvitationTimeout"] = "00:00:25",
        ["CallFlows:Routing:Rules:1:Called"] = "*",
        ["CallFlows:Routing:Rules:1:Action"] = "Reject",
        ["CallFlows:Routing:Rules:1:RejectReason"] = "Busy",
    };

    [Fact]
    public void AddCallFlows_ValidConfiguration_BindsOptionsAndResolvesEveryService()
    {
        using var provider = Build(Valid());

        var options = provider.GetRequiredService<IOptions<CallFlowsOptions>>().Value;
        options.GetCallbackUri("in-1").Should().Be(new Uri("https://app.example.com/api/callbacks/in-1?sig="
            + CallFlows.Tests.Security.CallbackUrlProof.ForAccessKey(Convert.ToBase64String(new byte[32]), "in-1")),
            "without configured keys the URL proof key is derived from the ACS access key");
        options.CallbackAuth.ValidateTokens.Should().BeTrue("token validation is on by default");
        options.Routing.Rules.Should().HaveCount(2);
        options.Routing.Rules[0].Settings!["AgentInvitationTimeout"].Should().Be("00:00:25");
        options.Routing.Rules[0].Settings!.GetSection("FallbackSipHeaders")["Queue"].Should().Be("support");
        options.Routing.Rules[1].RejectReason.Should().Be(CallRejectReason.Busy);
        provider.GetRequiredService<CallAutomationClient>().Endpoint.Should().Be(new Uri("https://acs.example.com/"));
        provider.GetRequiredService<CallbackTokenValidator>().Should().NotBeNull();
        provider.GetRequiredService<CallRouter>().Should().NotBeNull();
        provider.GetRequiredService<IncomingCallDispatcher>().Should().NotBeNull();
        provider.GetRequiredService<CallbackDispatcher>().Should().NotBeNull();
        provider.GetRequiredService<CallStarter>().Should().NotBeNull();
        provider.GetRequiredService<CallStatusReader>().Should().NotBeNull();
        provider.GetRequiredService<ICallManagementLinkFactory>().Should().BeOfType<RequestLinkFactory>();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddCallFlows_HostRegisteredLinkFactoryFirst_KeepsTheHostOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ICallManagementLinkFactory, DurableFunctionsLinkFactory>();
        services.AddCallFlows(configuration, typeof(InboundRoutingFlow).Assembly);

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ICallManagementLinkFactory>().Should().BeOfType<DurableFunctionsLinkFactory>();
    }

    [Fact]
    public void AddCallFlows_BrokenConfiguration_FailsValidationNamingEveryProblem()
    {
        var values = Valid();
        values.Remove("CallFlows:CallbackBaseUrl");
        values.Remove("CallFlows:Acs:ResourceId");
        values["CallFlows:Routing:Rules:0:Settings:Agent"] = "not-a-raw-id";
        values["CallFlows:Routing:Rules:0:Settings:FallbackSipHeaders:Bad Key"] = "x";
        values["CallFlows:Routing:Rules:1:Flow"] = "Nope";
        values["CallFlows:Routing:Rules:1:Action"] = "Flow";
        values["CallFlows:CallbackAuth:OpenIdConfigurationUrl"] = "http://10.1.2.3/oidc";
        using var provider = Build(values);

        var act = () => provider.GetRequiredService<IOptions<CallFlowsOptions>>().Value;

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().Contain(f => f.Contains("CallbackBaseUrl", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("ResourceId", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Rules:0:Settings:Agent", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("fallback headers", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Rules:1:Flow", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("OpenIdConfigurationUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCallFlows_EndpointWithoutConnectionString_UsesEntraIdClient()
    {
        var values = Valid();
        values.Remove("CallFlows:Acs:ConnectionString");
        values["CallFlows:Acs:Endpoint"] = "https://acs.example.com";
        values["CallFlows:CallbackSigning:Keys:0"] = "callback-signing-key-for-entra-id-apps-0001";
        using var provider = Build(values);

        provider.GetRequiredService<CallAutomationClient>().Endpoint.Should().Be(new Uri("https://acs.example.com"));
        provider.GetRequiredService<IOptions<CallFlowsOptions>>().Value.GetCallbackUri("in-1").Query
            .Should().Be("?sig=" + CallFlows.Tests.Security.CallbackUrlProof.For("callback-signing-key-for-entra-id-apps-0001", "in-1"));
    }

    [Fact]
    public void AddCallFlows_EntraIdWithoutSigningKeyOrShortKey_FailsAtStartupNamingTheSetting()
    {
        var values = Valid();
        values.Remove("CallFlows:Acs:ConnectionString");
        values["CallFlows:Acs:Endpoint"] = "https://acs.example.com";
        using (var provider = Build(values))
        {
            var act = () => provider.GetRequiredService<IOptions<CallFlowsOptions>>().Value;
            act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains("CallFlows:CallbackSigning:Keys:0", StringComparison.Ordinal),
                "without an access key nothing can be derived: the key must be configured");
        }

        values["CallFlows:CallbackSigning:Keys:0"] = "too-short";
        using (var provider = Build(values))
        {
            var act = () => provider.GetRequiredService<IOptions<CallFlowsOptions>>().Value;
            act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains("at least 32 characters", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AddCallFlows_UnknownFlowOrSetting_FailsAtStartupNamingTheRuleAndTheSetting()
    {
        var values = Valid();
        values["CallFlows:Routing:Rules:0:Settings:Agnet"] = "8:acs:typo";
        values["CallFlows:Routing:Rules:0:Settings:AnswerTimeout"] = "soon";
        values["CallFlows:Routing:Rules:2:Called"] = "+14255550101";
        values["CallFlows:Routing:Rules:2:Flow"] = "NoSuchFlow";
        using var provider = Build(values);

        var act = () => provider.GetRequiredService<IOptions<CallFlowsOptions>>().Value;

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().Contain(f => f.StartsWith("CallFlows:Routing:Rules:0:Settings:", StringComparison.Ordinal)
            && (f.Contains("Agnet", StringComparison.Ordinal) || f.Contains("AnswerTimeout", StringComparison.Ordinal)), string.Join("\n", failures));
        failures.Should().Contain(f => f.StartsWith("CallFlows:Routing:Rules:2:Flow 'NoSuchFlow' names no registered inbound flow", StringComparison.Ordinal)
            && f.Contains("InboundRoutingFlow", StringComparison.Ordinal) && f.Contains("TwoAgentsFlow", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCallFlows_ShippedApp_RegistersEveryFlowWithItsOrchestrator()
    {
        using var provider = Build(Valid());

        var registry = provider.GetRequiredService<CallFlowRegistry>();

        registry.Errors.Should().BeEmpty();
        registry.Flows.Where(f => f.Kind == CallFlowKind.Inbound).Select(f => f.Name).Should().BeEquivalentTo(
            nameof(InboundRoutingFlow), nameof(TwoAgentsFlow), nameof(IvrFlow), nameof(RejectCallFlow), nameof(RedirectCallFlow));
        registry.Flows.Where(f => f.Kind == CallFlowKind.Outbound).Select(f => f.Name).Should().BeEquivalentTo(
            nameof(OutboundCallFlow), nameof(GroupCallFlow), nameof(ConnectCallFlow), nameof(GroupTransferFlow),
            nameof(CancelAddParticipantFlow), nameof(RemoveParticipantFlow), nameof(HangUpForEveryoneFlow));
        registry.Find("outboundcall", CallFlowKind.Outbound)!.InputType.Should().Be<OutboundCallInput>();
        registry.Find("InboundRouting", CallFlowKind.Inbound)!.InputType.Should().Be<InboundRouteSettings>();
    }
}
