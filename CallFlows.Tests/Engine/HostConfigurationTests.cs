using CallFlows.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlows.Tests.Engine;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task StartAsync_OptionsConfiguration_ReachesAppServices()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(null, o =>
        {
            o.Engine = EngineKind.InMemory;
            o.Configuration["CallFlows:Greeting"] = "Hi";
        });

        host.Services.GetRequiredService<IConfiguration>()["CallFlows:Greeting"].Should().Be("Hi");
        host.HostedFunctions["orchestrator"].Should().Contain(SampleFunctions.GreetingFunctions.Orchestrator);
        host.HostedFunctions["http"].Should().Contain("Engine_StartGreeting");
    }
}
