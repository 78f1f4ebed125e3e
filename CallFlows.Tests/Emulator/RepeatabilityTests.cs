using System.Text.Json.Nodes;

namespace CallFlows.Tests.Emulator;

public sealed class RepeatabilityTests : EmulatorTestBase
{
    private JsonObject CreateBody() => new()
    {
        ["targets"] = new JsonArray(User(AcsUser)),
        ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
    };

    [Fact]
    public async Task CreateCall_SameRepeatabilityIdTwice_ReplaysFirstResponseAndCreatesOneCall()
    {
        var id = Guid.NewGuid().ToString();
        var firstSent = DateTimeOffset.UtcNow;

        var first = await Raw.PostAsync("/calling/callConnections", CreateBody(), id, firstSent);
        var second = await Raw.PostAsync("/calling/callConnections", CreateBody(), id, firstSent);

        first.Status.Should().Be(201);
        second.Status.Should().Be(201);
        second.Text.Should().Be(first.Text);
        second.Headers.GetValues("Repeatability-Result").Should().Equal("accepted");
        Emulator.Calls.Should().ContainSingle();
        var log = Emulator.RequestLog.Entries;
        log.Select(r => r.IsReplay).Should().Equal(false, true);
        log.Should().OnlyContain(r => r.RepeatabilityRequestId == id);
    }

    [Fact]
    public async Task AddParticipant_ReplayedAfterCompletion_DoesNotInviteAgain()
    {
        var call = await CreateConnectedCallAsync();
        var id = Guid.NewGuid().ToString();
        var body = new JsonObject { ["participantToAdd"] = User(AcsUser2) };

        var first = await Raw.PostAsync($"/calling/callConnections/{call}/participants:add", body, id);
        await Receiver.WaitForAsync(call, "AddParticipantSucceeded");
        var second = await Raw.PostAsync($"/calling/callConnections/{call}/participants:add", body, id);

        second.Status.Should().Be(202);
        second.Body!["invitationId"]!.GetValue<string>().Should().Be(first.Body!["invitationId"]!.GetValue<string>());
        Receiver.NamesFor(call).Count(n => n == "AddParticipantSucceeded").Should().Be(1);
    }

    [Fact]
    public async Task CreateCall_SameIdDifferentBody_Returns400()
    {
        var id = Guid.NewGuid().ToString();
        await Raw.PostAsync("/calling/callConnections", CreateBody(), id);
        var other = CreateBody();
        other["operationContext"] = "different";

        var response = await Raw.PostAsync("/calling/callConnections", other, id);

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("Repeatability-Request-ID");
        Emulator.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task CreateCall_MalformedRepeatabilityId_Returns400()
    {
        var response = await Raw.PostAsync("/calling/callConnections", CreateBody(), "not-a-uuid");

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("Repeatability-Request-ID");
    }

    [Fact]
    public async Task CreateCall_MalformedFirstSent_Returns400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/calling/callConnections?api-version=2026-03-12")
        {
            Content = new StringContent(CreateBody().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Repeatability-Request-ID", Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("Repeatability-First-Sent", "yesterday");

        var response = await Raw.SendAsync(request);

        response.Status.Should().Be(400);
        response.ErrorTarget.Should().Be("Repeatability-First-Sent");
    }

    [Fact]
    public async Task CreateCall_FirstSentOutsideWindow_Returns412()
    {
        var response = await Raw.PostAsync("/calling/callConnections", CreateBody(), Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.AddMinutes(-10));

        response.Status.Should().Be(412);
    }
}
