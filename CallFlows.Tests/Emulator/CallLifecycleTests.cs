using System.Text.Json.Nodes;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class CallLifecycleTests : EmulatorTestBase
{
    [Fact]
    public async Task CreateCall_TargetAnswers_Returns201ThenCallConnectedAndParticipantsUpdatedWithValidJwts()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(Phone(Pstn)),
            ["sourceCallerIdNumber"] = CallerId(),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx-create",
        });

        response.Status.Should().Be(201, response.Text);
        AssertConforms(response.Body, "CallConnectionProperties");
        response.Body!["callConnectionState"]!.GetValue<string>().Should().Be("connecting");
        var id = response.Body["callConnectionId"]!.GetValue<string>();

        var connected = await Receiver.WaitForAsync(id, "CallConnected");
        var updated = await Receiver.WaitForAsync(id, "ParticipantsUpdated");
        Receiver.NamesFor(id).Should().Equal("CallConnected", "ParticipantsUpdated");
        connected.Data["operationContext"]!.GetValue<string>().Should().Be("ctx-create");
        connected.Data["serverCallId"]!.GetValue<string>().Should().Be(response.Body["serverCallId"]!.GetValue<string>());
        connected.ArrayLength.Should().Be(1, "one event per POST");
        connected.CloudEvent["specversion"]!.GetValue<string>().Should().Be("1.0");
        connected.CloudEvent["source"]!.GetValue<string>().Should().Be($"calling/callConnections/{id}");
        AssertConforms(connected.Data, "CallConnected");
        AssertConforms(updated.Data, "ParticipantsUpdated");
        updated.Data["sequenceNumber"]!.GetValue<int>().Should().Be(1);
        updated.Data["participants"]![0]!["identifier"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Pstn);
        Receiver.Callbacks.Entries.Should().OnlyContain(c => c.TokenError == null);
        connected.Authorization.Should().NotBe(updated.Authorization, "a new token per POST");

        var get = await Raw.GetAsync($"/calling/callConnections/{id}");
        get.Status.Should().Be(200);
        get.Body!["callConnectionState"]!.GetValue<string>().Should().Be("connected");
        AssertConforms(get.Body, "CallConnectionProperties");
    }

    [Fact]
    public async Task CreateCall_DefaultBehavior_AnswersAfterAboutThreeHundredMilliseconds()
    {
        Emulator.World.DefaultBehavior = IdentityBehavior.Default;
        var started = DateTimeOffset.UtcNow;
        var id = await CreateConnectedCallAsync();

        var connectedAt = Emulator.EventLog.Entries.First(e => e.CallConnectionId == id && e.Name == "CallConnected").Time;
        (connectedAt - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
    }

    [Theory]
    [InlineData(AnswerMode.Decline, "4:+15557654321", 603, 560603)]
    [InlineData(AnswerMode.Busy, "4:+15557654321", 486, 560486)]
    [InlineData(AnswerMode.Decline, AcsUser, 603, 0)]
    public async Task CreateCall_TargetRefuses_CreateCallFailedThenCallDisconnected(AnswerMode mode, string target, int code, int subCode)
    {
        Emulator.World.Configure(target, new IdentityBehavior { Answer = mode, AnswerDelay = TimeSpan.FromMilliseconds(10) });
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(target.StartsWith("4:", StringComparison.Ordinal) ? Phone(target[2..]) : User(target)),
            ["sourceCallerIdNumber"] = CallerId(),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
            ["operationContext"] = "ctx",
        });
        var id = response.Body!["callConnectionId"]!.GetValue<string>();

        var failed = await Receiver.WaitForAsync(id, "CreateCallFailed");
        await AssertEndsWithCallDisconnectedAsync(id);

        Receiver.NamesFor(id).Should().Equal("CreateCallFailed", "CallDisconnected");
        failed.Data["resultInformation"]!["code"]!.GetValue<int>().Should().Be(code);
        failed.Data["resultInformation"]!["subCode"]!.GetValue<int>().Should().Be(subCode);
        failed.Data["operationContext"]!.GetValue<string>().Should().Be("ctx");
        AssertConforms(failed.Data, "CreateCallFailed");
        (await Raw.GetAsync($"/calling/callConnections/{id}")).Status.Should().Be(404);
        Emulator.GetCall(id)!.EndedReason.Should().Be("CreateCallFailed");
    }

    [Fact]
    public async Task CreateCall_PstnTargetWithoutCallerId_Returns400NamingSourceCallerIdNumber()
    {
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(Phone(Pstn)),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("sourceCallerIdNumber");
        AssertConforms(response.Body, "CommunicationErrorResponse");
    }

    [Fact]
    public async Task CreateCall_GroupOfTwo_ConnectsOnFirstAnswerAndUpdatesRosterOnSecond()
    {
        Emulator.World.Configure(AcsUser2, IdentityBehavior.Answers(TimeSpan.FromMilliseconds(200)));
        var response = await Raw.PostAsync("/calling/callConnections", new JsonObject
        {
            ["targets"] = new JsonArray(User(AcsUser), User(AcsUser2)),
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        var id = response.Body!["callConnectionId"]!.GetValue<string>();

        var both = await Receiver.Callbacks.WaitForCountAsync(c => c.CallConnectionId == id && c.Name == "ParticipantsUpdated", 2, Wait);

        both.Select(c => c.Data["sequenceNumber"]!.GetValue<int>()).Should().Equal(1, 2);
        both[1].Data["participants"]!.AsArray().Should().HaveCount(2);
        Receiver.NamesFor(id).Count(n => n == "CallConnected").Should().Be(1);
    }

    [Fact]
    public async Task HangUp_OneToOneCall_Returns204ThenCallDisconnectedLastAnd404Afterwards()
    {
        var id = await CreateConnectedCallAsync();

        var hangUp = await Raw.DeleteAsync($"/calling/callConnections/{id}");

        hangUp.Status.Should().Be(204);
        var disconnected = await AssertEndsWithCallDisconnectedAsync(id);
        AssertConforms(disconnected.Data, "CallDisconnected");
        (await Raw.GetAsync($"/calling/callConnections/{id}")).Status.Should().Be(404);
        (await Raw.DeleteAsync($"/calling/callConnections/{id}")).Status.Should().Be(404);
        var add = await Raw.PostAsync($"/calling/callConnections/{id}/participants:add", new JsonObject { ["participantToAdd"] = User(AcsUser2) });
        add.Status.Should().Be(404);
        add.ErrorCode.Should().Be("CallNotFound");
        Emulator.GetCall(id)!.EndedReason.Should().Be("HungUpByApp");
    }

    [Fact]
    public async Task Terminate_ConnectedCall_Returns204ThenCallDisconnected()
    {
        var id = await CreateConnectedCallAsync();

        var terminate = await Raw.PostAsync($"/calling/callConnections/{id}:terminate", null);

        terminate.Status.Should().Be(204, terminate.Text);
        await AssertEndsWithCallDisconnectedAsync(id);
        Emulator.GetCall(id)!.State.Should().Be("disconnected");
        Emulator.GetCall(id)!.EndedReason.Should().Be("Terminated");
    }

    [Fact]
    public async Task RemoteParticipant_HangsUpAfterDelay_CallDisconnectedWithPstnCode()
    {
        Emulator.World.Configure(Pstn, IdentityBehavior.Answers(TimeSpan.FromMilliseconds(10)) with { HangUpAfter = TimeSpan.FromMilliseconds(100) });

        var id = await CreateConnectedCallAsync(Phone(Pstn));

        var disconnected = await AssertEndsWithCallDisconnectedAsync(id);
        disconnected.Data["resultInformation"]!["subCode"]!.GetValue<int>().Should().Be(560000);
        Emulator.GetCall(id)!.EndedReason.Should().Be("RemoteHungUp");
    }

    [Fact]
    public async Task GetCall_UnknownId_Returns404WithCommunicationError()
    {
        var response = await Raw.GetAsync("/calling/callConnections/00000000-0000-0000-0000-000000000000");

        response.Status.Should().Be(404);
        response.ErrorCode.Should().Be("CallNotFound");
        AssertConforms(response.Body, "CommunicationErrorResponse");
    }

    [Fact]
    public async Task GetParticipants_And_GetParticipantByEncodedRawId_Return200()
    {
        var id = await CreateConnectedCallAsync(Phone(Pstn));

        var list = await Raw.GetAsync($"/calling/callConnections/{id}/participants");
        var one = await Raw.GetAsync($"/calling/callConnections/{id}/participants/{Uri.EscapeDataString("4:" + Pstn)}");
        var missing = await Raw.GetAsync($"/calling/callConnections/{id}/participants/{Uri.EscapeDataString(AcsUser2)}");

        list.Status.Should().Be(200);
        AssertConforms(list.Body, "GetParticipantsResponse");
        list.Body!["value"]!.AsArray().Should().ContainSingle();
        one.Status.Should().Be(200, one.Text);
        AssertConforms(one.Body, "CallParticipant");
        one.Body!["identifier"]!["phoneNumber"]!["value"]!.GetValue<string>().Should().Be(Pstn);
        missing.Status.Should().Be(404);
    }

    [Fact]
    public async Task UnknownRouteAndWrongVerb_Return404And405()
    {
        (await Raw.GetAsync("/calling/nothing")).Status.Should().Be(404);
        (await Raw.PostAsync("/calling/callConnections/abc", new JsonObject())).Status.Should().Be(405);
        (await Raw.PostAsync("/calling/callConnections/abc:noSuchAction", new JsonObject())).Status.Should().Be(404);
        (await Raw.GetAsync("/calling/callConnections/abc:play")).Status.Should().Be(405);
    }
}
