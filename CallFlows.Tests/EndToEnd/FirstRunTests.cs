using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using CallFlows.Testing.Processes;
using Xunit.Abstractions;

namespace CallFlows.Tests.EndToEnd;

/// <summary>What a new user sees on a first run: the demo's output reads as prose, and a placed call can be followed.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FirstRunTests(EndToEndFixture fixture, ITestOutputHelper log)
{
    [Fact]
    public async Task EmulatorIncomingCalls_Post_RepliesWithTheInstanceIdAndStatusLinks()
    {
        const string caller = "+15553000777";
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(2) });
        using var http = new HttpClient();

        using HttpResponseMessage placed = await http.PostAsJsonAsync(
            new Uri(fixture.Emulator.Endpoint, "emulator/incoming-calls"), new { from = caller, to = DemoWorld.AgentAnswersNumber });
        string text = await placed.Content.ReadAsStringAsync();

        placed.StatusCode.Should().Be(HttpStatusCode.Created, text);
        text.Should().Contain(caller, "'+' is not escaped in replies").And.NotContain("\\u002B");
        using var json = JsonDocument.Parse(text);
        JsonElement links = json.RootElement.GetProperty("links");
        string instanceId = links.GetProperty("instanceId").GetString()!;
        instanceId.Should().Be(CallFlowsLocalApp.InstanceIdFor(json.RootElement.GetProperty("serverCallId").GetString()!, json.RootElement.GetProperty("to").GetString()!));
        links.GetProperty("statusQueryGetUri").GetString().Should().Be(new Uri(fixture.App.BaseAddress, "runtime/webhooks/durabletask/instances/" + instanceId).AbsoluteUri);

        IncomingCallSnapshot incoming = fixture.Emulator.IncomingCalls.Single(c => c.EventId == json.RootElement.GetProperty("eventId").GetString());
        FlowCall call = await EndToEndHarness.FinishAsync(fixture.App, instanceId, incoming);
        await call.ShouldReportAsync(fixture.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected), succeeded: true);

        using HttpResponseMessage status = await http.GetAsync(new Uri(links.GetProperty("callStatusGetUri").GetString()!));
        string statusText = await status.Content.ReadAsStringAsync();
        status.StatusCode.Should().Be(HttpStatusCode.OK, statusText);
        statusText.Should().Contain("\"AgentConnected\"");

        // The orchestration's input carries the caller's number: shown as typed, not escaped.
        string instance = await http.GetStringAsync(new Uri(links.GetProperty("statusQueryGetUri").GetString()!));
        instance.Should().Contain(caller).And.NotContain("\\u002B");
    }

    [Fact]
    public void FunctionsBuild_WorkerExtensionsRestore_RecordsNoNu1603()
    {
        // The Worker SDK restores its generated WorkerExtensions.csproj without the repository's Directory.Build.props;
        // CallFlows.Functions.csproj passes NoWarn NU1603 to it, so `dotnet run` prints none. The restore's record shows it.
        string root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        string[] assets = Directory.GetFiles(Path.Combine(root, "CallFlows.Functions", "obj"), "project.assets.json", SearchOption.AllDirectories)
            .Where(p => p.Contains("WorkerExtensions", StringComparison.Ordinal))
            .ToArray();
        assets.Should().NotBeEmpty("the Functions app was built before its tests");
        foreach (string file in assets)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            IEnumerable<string> codes = json.RootElement.TryGetProperty("logs", out JsonElement logs)
                ? logs.EnumerateArray().Select(l => l.GetProperty("code").GetString()!)
                : [];
            codes.Should().NotContain("NU1603", file);
        }
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.Slow)]
    public async Task DemoCommand_WithConfiguredRouting_UsesItsOwnRoutingAndPrintsNoNullsWarningsOrDiscards()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var options = new ChildProcessOptions();

        // What a CallFlows.Functions/local.settings.json copied from the sample sets: routing for other numbers.
        string root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        using (var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "local.settings.sample.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }))
        {
            foreach (JsonProperty value in sample.RootElement.GetProperty("Values").EnumerateObject().Where(p => p.Name.StartsWith("CallFlows__Routing__", StringComparison.Ordinal)))
            {
                options.Environment[value.Name] = value.Value.GetString() ?? string.Empty;
            }
        }

        options.Environment.Should().NotBeEmpty();
        await using ChildProcess demo = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "CallFlows.LocalHost.dll"), ["demo"], options);
        int exitCode = await demo.WaitForExitAsync(cts.Token);
        log.WriteLine(demo.Output);

        exitCode.Should().Be(0, "all twelve scenarios pass with the demo's own routing");
        demo.Lines.Should().Contain(l => l.StartsWith("Total ", StringComparison.Ordinal));
        demo.Lines.Should().NotContain(l => l.Contains("(null)", StringComparison.Ordinal));
        demo.Lines.Should().NotContain(l => l.Contains("Discarding", StringComparison.Ordinal));
        demo.Lines.Should().NotContain(l => l.Contains("NU1603", StringComparison.Ordinal));
        demo.Lines.Should().NotContain(l => l.Contains("\\u002B", StringComparison.Ordinal) || l.Contains("\\u0027", StringComparison.Ordinal));
        demo.Lines.Should().NotContain(l => l.Contains("fail:", StringComparison.Ordinal));

        // Not asserted: "warn:" in general. A loaded machine legitimately makes the storage provider warn (a partition
        // table operation over 2 s); what must never appear are the lines above.
    }
}
