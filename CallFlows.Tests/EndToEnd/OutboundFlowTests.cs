using System.Text.Json.Nodes;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;

namespace CallFlows.Tests.EndToEnd;

/// <summary>Flows started with <c>POST /api/calls</c>, on the real engine over Azurite, against the emulator.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class OutboundFlowTests(EndToEndFixture fixture)
{
    const string Create = "CreateCall";
    const string Hangup = "CallConnection_HangupCall";
    const string Terminate = "CallConnection_TerminateCall";
    const string CallerId = "4:" + DemoWorld.AgentAnswersNumber;

    CallFlowsLocalApp App => fixture.App;

    string User(string name) => DemoWorld.User(fixture.ResourceId, name);

    [Fact]
    public async Task OutboundCall_PstnWithCallerId_CalleeAnswersThenHangsUp()
    {
        const string callee = "+15552000001";
        fixture.Emulator.World.Configure(callee, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        string id = await EndToEndHarness.StartOutboundAsync(this.App, new { flow = "OutboundCall", targets = new[] { "4:" + callee }, callerId = CallerId });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp), succeeded: true);
        call.ShouldHavePerformedExactly(Create);
        JsonNode create = JsonNode.Parse(call.Performed[0].RequestBody)!;
        create["targets"]![0]!["rawId"]!.GetValue<string>().Should().Be("4:" + callee);
        create["sourceCallerIdNumber"]!["value"]!.GetValue<string>().Should().Be(DemoWorld.AgentAnswersNumber);
        create["callbackUri"]!.GetValue<string>().Should().StartWith(new Uri(this.App.BaseAddress, "api/callbacks/" + id + "?sig=").AbsoluteUri,
            "the callback URL handed to ACS carries the proof binding it to this instance");
    }

    [Fact]
    public async Task GroupCall_PhoneAndAcsUser_EndsWhenBothLeave()
    {
        const string phone = "+15552000003";
        string user = this.User("e2e-group-1");
        fixture.Emulator.World.Configure(phone, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });
        fixture.Emulator.World.Configure(user, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1.5) });
        string id = await EndToEndHarness.StartOutboundAsync(this.App, new { flow = "GroupCall", targets = new[] { "4:" + phone, user }, callerId = CallerId });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(GroupCallFlow), nameof(GroupCallFlowResult.EndedByParticipants), succeeded: true);
        call.ShouldHavePerformedExactly(Create);
        JsonNode.Parse(call.Performed[0].RequestBody)!["targets"]!.AsArray().Select(t => t!["rawId"]!.GetValue<string>())
            .Should().BeEquivalentTo(["4:" + phone, user]);
    }

    [Fact]
    public async Task ConnectCall_Room_JoinsAndLeavesAtMaxDuration()
    {
        fixture.Emulator.World.CreateRoom("e2e-room-1", this.User("e2e-room-member"));
        string id = await EndToEndHarness.StartOutboundAsync(this.App, new { flow = "ConnectCall", locator = new { kind = "room", id = "e2e-room-1" }, maxDurationSeconds = 2 });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(ConnectCallFlow), nameof(ConnectCallFlowResult.LeftAtMaxDuration), succeeded: true);
        call.ShouldHavePerformedExactly("Connect", Hangup);
        JsonNode.Parse(call.Performed[0].RequestBody)!["callLocator"]!["roomId"]!.GetValue<string>().Should().Be("e2e-room-1");
    }

    [Fact]
    public async Task GroupTransfer_Transferee_TransferAccepted()
    {
        string stays = this.User("e2e-gt-stays");
        const string transferee = "+15552000004";
        const string target = "+15552000005";
        foreach (string who in new[] { stays, transferee, target })
        {
            fixture.Emulator.World.Configure(who, IdentityBehavior.Answers());
        }

        string id = await EndToEndHarness.StartOutboundAsync(this.App, new
        {
            flow = "GroupTransfer", targets = new[] { stays, "4:" + transferee }, callerId = CallerId, transferee = "4:" + transferee, transferTarget = "4:" + target,
        });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(GroupTransferFlow), nameof(GroupTransferFlowResult.TransferAccepted), succeeded: true);
        call.ShouldHavePerformedExactly(Create, "CallConnection_TransferToParticipant", Hangup);
        JsonNode transfer = JsonNode.Parse(call.Performed[1].RequestBody)!;
        transfer["transferee"]!["rawId"]!.GetValue<string>().Should().Be("4:" + transferee);
        transfer["targetParticipant"]!["rawId"]!.GetValue<string>().Should().Be("4:" + target);
    }

    [Fact]
    public async Task CancelAddParticipant_RingingInvitation_InvitationCancelled()
    {
        const string callee = "+15552000006";
        const string invited = "+15552000007";
        fixture.Emulator.World.Configure(callee, IdentityBehavior.Answers());
        fixture.Emulator.World.Configure(invited, IdentityBehavior.NeverAnswers());
        string id = await EndToEndHarness.StartOutboundAsync(this.App, new
        {
            flow = "CancelAddParticipant", targets = new[] { "4:" + callee }, participant = "4:" + invited, callerId = CallerId, cancelAfterSeconds = 2,
        });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(CancelAddParticipantFlow), nameof(CancelAddParticipantFlowResult.InvitationCancelled), succeeded: true);
        call.Operations.Take(3).Should().Equal(Create, "CallConnection_AddParticipant", "CallConnection_CancelAddParticipant");
        call.ShouldHavePerformedExactly(call.Operations.ToArray());
        call.EventNames().Should().Contain("CancelAddParticipantSucceeded");
    }

    [Fact]
    public async Task RemoveParticipant_JoinedParticipant_ParticipantRemoved()
    {
        string stays = this.User("e2e-rm-stays");
        const string removed = "+15552000008";
        fixture.Emulator.World.Configure(stays, IdentityBehavior.Answers());
        fixture.Emulator.World.Configure(removed, IdentityBehavior.Answers());
        string id = await EndToEndHarness.StartOutboundAsync(this.App, new
        {
            flow = "RemoveParticipant", targets = new[] { stays, "4:" + removed }, participant = "4:" + removed, callerId = CallerId,
        });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(RemoveParticipantFlow), nameof(RemoveParticipantFlowResult.ParticipantRemoved), succeeded: true);
        call.ShouldHavePerformedExactly(Create, "CallConnection_RemoveParticipant", Terminate);
        call.EventNames().Should().Contain("RemoveParticipantSucceeded");
    }

    [Fact]
    public async Task HangUpForEveryone_GroupCall_EndedForEveryone()
    {
        string a = this.User("e2e-hu-a");
        const string b = "+15552000009";
        fixture.Emulator.World.Configure(a, IdentityBehavior.Answers());
        fixture.Emulator.World.Configure(b, IdentityBehavior.Answers());
        string id = await EndToEndHarness.StartOutboundAsync(this.App, new { flow = "HangUpForEveryone", targets = new[] { a, "4:" + b }, callerId = CallerId, maxDurationSeconds = 1 });

        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id);

        await call.ShouldReportAsync(this.App, nameof(HangUpForEveryoneFlow), nameof(HangUpForEveryoneFlowResult.EndedForEveryone), succeeded: true);
        call.ShouldHavePerformedExactly(Create, Terminate);
        fixture.Emulator.GetCall(call.Outcome.CallConnectionId!)!.State.Should().Be("disconnected");
    }
}
