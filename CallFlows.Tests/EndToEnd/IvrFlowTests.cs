using CallFlows.CallAutomation;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;

namespace CallFlows.Tests.EndToEnd;

/// <summary>
/// The shipped IVR end to end on the real engine with the emulator, one test per path: the emulator's scripted callers
/// press keys, stay silent or hang up; agents answer or decline; recordings end with a RecordingFileStatusUpdated over
/// Event Grid that the app's webhook routes to the flow.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class IvrFlowTests(EndToEndFixture fixture) : IAsyncLifetime
{
    const string Called = "+18005550170";
    const string Sales = "8:acs:contoso_sales";
    const string Support = "8:acs:contoso_support";

    CallFlowsLocalApp app = null!;

    public Task InitializeAsync() => this.StartAsync(cognitiveServices: true);

    public async Task DisposeAsync() => await this.app.DisposeAsync();

    [Fact]
    public async Task Ivr_KeyPressedFirstTime_AgentAnswersOnHoldMusicAndTheCallIsRecorded()
    {
        var world = this.app.Emulator!.World;
        world.Configure(Sales, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(4) });
        world.Configure("+15550007001", IdentityBehavior.Answers() with { MediaScript = [CallerInput.Press("1")] });

        FlowCall call = await this.RunAsync("+15550007001");

        await call.ShouldReportAsync(this.app, nameof(IvrFlow), nameof(IvrResult.AgentConnected), succeeded: true);
        call.Operations.Should().ContainInOrder(
            "AnswerCall", "CallMedia_Play", "CallMedia_Recognize", "CallMedia_Hold", "CallConnection_AddParticipant",
            "CallMedia_Unhold", "CallMedia_Play", "CallRecording_StartRecording", "CallConnection_TerminateCall");
        call.Operations.Count(o => o == "CallMedia_Recognize").Should().Be(1);
        Hold(call).RequestBody.Should().Contain("hold-music.wav");
        call.Outcome.Detail.Should().Contain("/v1/objects/");
    }

    [Fact]
    public async Task Ivr_NoInputThenKey_AsksAgainAndRoutesTheChoice()
    {
        var world = this.app.Emulator!.World;
        world.Configure(Support, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        world.Configure("+15550007002", IdentityBehavior.Answers() with { MediaScript = [CallerInput.StaySilent(), CallerInput.Press("2")] });

        FlowCall call = await this.RunAsync("+15550007002");

        await call.ShouldReportAsync(this.app, nameof(IvrFlow), nameof(IvrResult.AgentConnected), succeeded: true);
        call.Operations.Count(o => o == "CallMedia_Recognize").Should().Be(2);
        call.Performed.Single(r => r.Operation == "CallConnection_AddParticipant").RequestBody.Should().Contain("contoso_support");
        this.app.Emulator.EventLog.Entries.Should().Contain(d => d.Name == "RecognizeFailed" && d.CallConnectionId == call.Outcome.CallConnectionId,
            "the first attempt ended with no input (8510)");
    }

    [Fact]
    public async Task Ivr_ThreeInvalidKeys_EndsWithNoChoice()
    {
        this.app.Emulator!.World.Configure("+15550007003", IdentityBehavior.Answers() with
        {
            MediaScript = [CallerInput.Press("9"), CallerInput.Press("7"), CallerInput.Press("0")],
        });

        FlowCall call = await this.RunAsync("+15550007003");

        await call.ShouldReportAsync(this.app, nameof(IvrFlow), nameof(IvrResult.NoChoice), succeeded: false);
        call.Operations.Count(o => o == "CallMedia_Recognize").Should().Be(3);
        call.Operations.Should().NotContain("CallConnection_AddParticipant");
        call.Outcome.Detail.Should().Be("After 3 attempt(s): invalid input (pressed 0).");
    }

    [Fact]
    public async Task Ivr_CallerHangsUpDuringTheGreeting_CallerHungUp()
    {
        this.app.Emulator!.World.Configure("+15550007004", IdentityBehavior.Answers() with
        {
            MediaScript = [CallerInput.HangUpDuringPrompt(TimeSpan.FromMilliseconds(300))],
        });

        FlowCall call = await this.RunAsync("+15550007004");

        await call.ShouldReportAsync(this.app, nameof(IvrFlow), nameof(IvrResult.CallerHungUp), succeeded: false);
        call.Operations.Should().Equal("AnswerCall", "CallMedia_Play");   // play has no repeatability headers in the spec
    }

    [Fact]
    public async Task Ivr_NoAgentAnswers_MessageRecordedAndItsFileReachesTheFlow()
    {
        var world = this.app.Emulator!.World;
        world.Configure(Support, IdentityBehavior.Declines());
        world.Configure("+15550007005", IdentityBehavior.Answers() with { MediaScript = [CallerInput.Press("2"), CallerInput.HangUp(TimeSpan.FromSeconds(1))] });

        FlowCall call = await this.RunAsync("+15550007005");

        await call.ShouldReportAsync(this.app, nameof(IvrFlow), nameof(IvrResult.Voicemail), succeeded: true);
        call.Operations.Should().ContainInOrder("CallConnection_AddParticipant", "CallMedia_Unhold", "CallMedia_Play", "CallRecording_StartRecording");

        // The file event came over Event Grid to the app's webhook (200), and the flow got its location.
        var delivered = this.app.Emulator.EventLog.Entries.Single(d => d.Name == "RecordingFileStatusUpdated" && d.Outcome == DeliveryOutcome.Delivered);
        delivered.Status.Should().Be(200);
        var location = new Uri(call.Outcome.Detail!.Split(" is at ")[1].TrimEnd('.'));
        using var content = new MemoryStream();
        await new CallAutomationClient(this.app.Emulator.ConnectionString).GetCallRecording().DownloadToAsync(location, content);
        content.ToArray().Take(4).Should().Equal("RIFF"u8.ToArray());
    }

    [Fact]
    public async Task Ivr_TextPromptsWithoutCognitiveServices_MenuFailedWith8522AsData()
    {
        await this.app.DisposeAsync();
        await this.StartAsync(cognitiveServices: false);
        this.app.Emulator!.World.Configure("+15550007006", IdentityBehavior.Answers() with { MediaScript = [CallerInput.Press("1")] });

        FlowCall call = await this.RunAsync("+15550007006");

        await call.ShouldReportAsync(this.app, nameof(IvrFlow), nameof(IvrResult.MenuFailed), succeeded: false);
        call.Outcome.ErrorCode.Should().Be("8522");
        call.Performed.Where(r => r.Operation is "CallMedia_Play" or "CallMedia_Recognize").Should().OnlyContain(r => r.Status == 405);
    }

    static RecordedRequest Hold(FlowCall call) => call.Performed.Single(r => r.Operation == "CallMedia_Hold");

    async Task<FlowCall> RunAsync(string caller)
    {
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.app, caller, Called);
        return await EndToEndHarness.FinishAsync(this.app, id, incoming);
    }

    async Task StartAsync(bool cognitiveServices)
    {
        var options = new CallFlowsLocalAppOptions
        {
            StorageConnectionString = fixture.Azurite.ConnectionString,
            TaskHubName = "ivr" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
            RoutingRules = [new RouteRule { Called = Called, Flow = "Ivr", Settings = RouteRule.SettingsFrom(new IvrSettings { RingTime = TimeSpan.FromSeconds(5), RecordingFileWait = TimeSpan.FromSeconds(30) }) }],
        };
        if (!cognitiveServices)
        {
            options.Configuration["CallFlows:Acs:CognitiveServicesEndpoint"] = string.Empty;
        }

        options.Emulator.OwnedPhoneNumbers.Add(Called);
        this.app = await CallFlowsLocalApp.StartAsync(options);
    }
}
