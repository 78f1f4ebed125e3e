using System.Diagnostics;
using System.Text.Json;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using Contoso.CallCenter.Flows;

namespace CallFlows.Tests.EndToEnd;

/// <summary>
/// A user's own app (samples/Contoso.CallCenter) on CallFlows.Runtime, with no edit to CallFlows code: it publishes
/// with the runtime's functions indexed next to its own flows, and its flows run end to end on the local host
/// (real Durable Task engine over Azurite, the ACS emulator), started by Event Grid and by <c>POST /api/calls</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleAppTests(EndToEndFixture fixture) : IAsyncLifetime
{
    const string Caller = "+15550002001";
    const string AgentOnDuty = "8:acs:contoso_support-agent";

    CallFlowsLocalApp app = null!;

    public async Task InitializeAsync()
    {
        var options = new CallFlowsLocalAppOptions
        {
            FunctionsAssembly = typeof(SupportLine).Assembly,
            StorageConnectionString = fixture.Azurite.ConnectionString,
            TaskHubName = "sample" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
        };

        // The routing entry exactly as the sample ships it (its app settings), nothing else.
        foreach ((string key, string value) in SampleRouting())
        {
            options.Configuration[key] = value;
        }

        options.Emulator.OwnedPhoneNumbers.Add("+18005550123");
        this.app = await CallFlowsLocalApp.StartAsync(options);
    }

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task SupportLine_StartedByEventGridIncomingCall_AgentHelpsTheCaller()
    {
        var world = this.app.Emulator!.World;
        world.Configure(AgentOnDuty, IdentityBehavior.Answers());
        world.Configure(Caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(3) });

        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.app, Caller, "+18005550123");
        FlowCall call = await EndToEndHarness.FinishAsync(this.app, id, incoming);

        await call.ShouldReportAsync(this.app, nameof(SupportLine), nameof(SupportLineResult.AgentHelped), succeeded: true);
        call.Outcome.Description.Should().Be("The agent on duty answered and helped the caller.");
        call.ShouldHavePerformedExactly("AnswerCall", "CallConnection_AddParticipant", "CallConnection_TerminateCall");
    }

    [Fact]
    public async Task CustomerCallback_StartedByPostApiCalls_ConnectsCustomerAndAgent()
    {
        var world = this.app.Emulator!.World;
        world.Configure("+15550002002", IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(3) });
        world.Configure("8:acs:contoso_callback-agent", IdentityBehavior.Answers());

        string id = await EndToEndHarness.StartOutboundAsync(this.app,
            new { flow = "CustomerCallback", customer = "4:+15550002002", agent = "8:acs:contoso_callback-agent", callerNumber = "+18005550123" });
        FlowCall call = await EndToEndHarness.FinishAsync(this.app, id);

        await call.ShouldReportAsync(this.app, nameof(CustomerCallback), nameof(CustomerCallbackResult.Connected), succeeded: true);
        call.ShouldHavePerformedExactly("CreateCall", "CallConnection_AddParticipant", "CallConnection_TerminateCall");
    }

    [Fact]
    public async Task CustomerCallback_InvalidBody_Answers400NamingTheField()
    {
        using var response = await this.app.Client.PostAsync("api/calls",
            new StringContent("""{"flow":"CustomerCallback","customer":"4:+15550002002"}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("field").GetString().Should().Be("agent");
    }

    [Fact]
    public async Task Publish_SampleApp_MetadataListsTheRuntimeFunctionsAndItsOwnFlows()
    {
        string root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Repository root not found.");
        string output = Path.Combine(Path.GetTempPath(), "contoso-publish-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            (int exit, string log) = await PublishAsync(root, Path.Combine(root, "samples", "Contoso.CallCenter"), output);
            exit.Should().Be(0, log);
            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));
            Dictionary<string, (string Script, string Trigger)> published = metadata.RootElement.EnumerateArray().ToDictionary(
                f => f.GetProperty("name").GetString()!,
                f => (f.GetProperty("scriptFile").GetString()!, f.GetProperty("bindings").EnumerateArray()
                    .Select(b => b.GetProperty("type").GetString()!).First(t => t.EndsWith("Trigger", StringComparison.Ordinal))));

            published[nameof(SupportLine)].Should().Be(("Contoso.CallCenter.dll", "orchestrationTrigger"));
            published[nameof(CustomerCallback)].Should().Be(("Contoso.CallCenter.dll", "orchestrationTrigger"));
            foreach (string http in new[] { IncomingCallTrigger.FunctionName, CallbackTrigger.FunctionName, StartCallTrigger.FunctionName, CallStatusTrigger.FunctionName })
            {
                published[http].Should().Be(("CallFlows.Runtime.dll", "httpTrigger"), http);
            }

            foreach (string activity in new[] { CallActionNames.AnswerCall, CallActionNames.CreateCall, CallActionNames.AddParticipant, CallActionNames.TransferCall, CallActionNames.HangUp, CallActionNames.EndAbandonedCall })
            {
                published[activity].Should().Be(("CallFlows.Runtime.dll", "activityTrigger"), activity);
            }

            published.Keys.Should().NotContain("InboundRoutingFlow", "the shipped app's flows are not part of a user's app");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    static IEnumerable<(string Key, string Value)> SampleRouting()
    {
        string root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Repository root not found.");
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "samples", "Contoso.CallCenter", "local.settings.sample.json")));
        return settings.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("CallFlows__Routing__", StringComparison.Ordinal))
            .Select(p => (p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString()!))
            .ToList();
    }

    static async Task<(int Exit, string Log)> PublishAsync(string root, string project, string output)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q" })
        {
            psi.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(psi)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
