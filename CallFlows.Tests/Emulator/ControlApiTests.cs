using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CallFlows.Emulator.Cli;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Tests.Emulator;

public sealed class ControlApiTests : EmulatorTestBase
{
    private HttpClient Control => new() { BaseAddress = Emulator.Endpoint };

    [Fact]
    public async Task Info_ReturnsConnectionDetails()
    {
        using var http = Control;

        var info = JsonNode.Parse(await http.GetStringAsync(new Uri("/emulator", UriKind.Relative)))!;

        info["connectionString"]!.GetValue<string>().Should().Be(Emulator.ConnectionString);
        info["resourceId"]!.GetValue<string>().Should().Be(Emulator.ResourceId.ToString());
        info["openIdConfigurationUri"]!.GetValue<string>().Should().Be(Emulator.OpenIdConfigurationUri.AbsoluteUri);
    }

    [Fact]
    public async Task WebhookRegistrationAndPlaceCall_OverHttp_DeliverIncomingCall()
    {
        using var http = Control;

        using var register = await http.PostAsJsonAsync(new Uri("/emulator/eventgrid/subscriptions", UriKind.Relative), new { endpoint = Receiver.EventGridUri });
        using var place = await http.PostAsJsonAsync(new Uri("/emulator/incoming-calls", UriKind.Relative), new { from = Caller, to = OwnedNumber, callerDisplayName = "Bob" });

        ((int)register.StatusCode).Should().Be(201, await register.Content.ReadAsStringAsync());
        ((int)place.StatusCode).Should().Be(201);
        var placed = JsonNode.Parse(await place.Content.ReadAsStringAsync())!;
        placed["state"]!.GetValue<string>().Should().Be("ringing");
        var delivery = await Receiver.EventGrid.WaitForAsync(e => e.EventType == "Notification", Wait);
        delivery.First["data"]!["callerDisplayName"]!.GetValue<string>().Should().Be("Bob");
        delivery.First["id"]!.GetValue<string>().Should().Be(placed["eventId"]!.GetValue<string>());

        using var redeliver = await http.PostAsync(new Uri($"/emulator/incoming-calls/{placed["eventId"]}/redeliver", UriKind.Relative), null);
        ((int)redeliver.StatusCode).Should().Be(202);
        await Receiver.EventGrid.WaitForCountAsync(e => e.EventType == "Notification", 2, Wait);
    }

    [Fact]
    public async Task RegisterWebhook_HandshakeFails_Returns400()
    {
        Receiver.Validation = ValidationReply.WrongCode;
        using var http = Control;

        using var register = await http.PostAsJsonAsync(new Uri("/emulator/eventgrid/subscriptions", UriKind.Relative), new { endpoint = Receiver.EventGridUri });

        ((int)register.StatusCode).Should().Be(400);
        (await register.Content.ReadAsStringAsync()).Should().Contain("ValidationHandshakeFailed");
    }

    [Fact]
    public async Task PlaceCall_ToUnownedNumber_Returns400()
    {
        using var http = Control;

        using var place = await http.PostAsJsonAsync(new Uri("/emulator/incoming-calls", UriKind.Relative), new { from = Caller, to = Pstn });

        ((int)place.StatusCode).Should().Be(400);
    }

    [Fact]
    public async Task IdentityBehavior_OverHttp_ScriptsDecline()
    {
        using var http = Control;

        using var put = await http.PutAsJsonAsync(new Uri($"/emulator/identities/{Uri.EscapeDataString(AcsUser2)}", UriKind.Relative), new { answer = "decline", answerDelayMs = 5 });

        ((int)put.StatusCode).Should().Be(204);
        Emulator.World.BehaviorOf(AcsUser2).Answer.Should().Be(AnswerMode.Decline);
        Emulator.World.BehaviorOf(AcsUser2).AnswerDelay.Should().Be(TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public async Task CallsRequestsEventsAndHangUp_OverHttp()
    {
        var id = await CreateConnectedCallAsync(Phone(Pstn));
        using var http = Control;

        var calls = JsonNode.Parse(await http.GetStringAsync(new Uri("/emulator/calls", UriKind.Relative)))!.AsArray();
        var call = JsonNode.Parse(await http.GetStringAsync(new Uri($"/emulator/calls/{id}", UriKind.Relative)))!;
        var requests = JsonNode.Parse(await http.GetStringAsync(new Uri("/emulator/requests", UriKind.Relative)))!.AsArray();
        var events = JsonNode.Parse(await http.GetStringAsync(new Uri("/emulator/events", UriKind.Relative)))!.AsArray();
        using var hangUp = await http.PostAsync(new Uri($"/emulator/calls/{id}/participants/{Uri.EscapeDataString("4:" + Pstn)}/hang-up", UriKind.Relative), null);
        using var unknown = await http.GetAsync(new Uri("/emulator/calls/nope", UriKind.Relative));

        calls.Should().ContainSingle();
        call["state"]!.GetValue<string>().Should().Be("connected");
        call["participants"]![0]!["rawId"]!.GetValue<string>().Should().Be("4:" + Pstn);
        requests[0]!["operation"]!.GetValue<string>().Should().Be("CreateCall");
        requests[0]!["status"]!.GetValue<int>().Should().Be(201);
        events.Select(e => e!["eventType"]!.GetValue<string>()).Should().Contain("Microsoft.Communication.CallConnected");
        ((int)hangUp.StatusCode).Should().Be(204);
        ((int)unknown.StatusCode).Should().Be(404);
        await AssertEndsWithCallDisconnectedAsync(id);
    }

    [Fact]
    public async Task Faults_OverHttp_FailNextRequestAndReset()
    {
        using var http = Control;

        using var fail = await http.PostAsJsonAsync(new Uri("/emulator/faults/rest-failures", UriKind.Relative), new { count = 1, status = 503, retryAfterSeconds = 1 });
        using var put = await http.PutAsJsonAsync(new Uri("/emulator/faults", UriKind.Relative), new { duplicateProbability = 0.5, affectedEventTypes = new[] { "CallConnected" }, holdUntilCallEnds = new[] { "ParticipantsUpdated" } });

        ((int)fail.StatusCode).Should().Be(204);
        ((int)put.StatusCode).Should().Be(200);
        Emulator.Faults.DuplicateProbability.Should().Be(0.5);
        Emulator.Faults.HoldUntilCallEnds.Should().Equal("ParticipantsUpdated");
        (await Raw.GetAsync("/calling/callConnections/x")).Status.Should().Be(503);
        using var reset = await http.DeleteAsync(new Uri("/emulator/faults", UriKind.Relative));
        Emulator.Faults.DuplicateProbability.Should().Be(0);
        Emulator.Faults.HoldUntilCallEnds.Should().BeEmpty();
        using var bad = await http.PutAsJsonAsync(new Uri("/emulator/faults", UriKind.Relative), new { dropProbability = 2 });
        ((int)bad.StatusCode).Should().Be(400);
    }

    [Fact]
    public async Task RoomsAndServerCalls_OverHttp_Created()
    {
        using var http = Control;

        using var room = await http.PostAsJsonAsync(new Uri("/emulator/rooms", UriKind.Relative), new { id = "r1", participants = new[] { AcsUser } });
        using var server = await http.PostAsJsonAsync(new Uri("/emulator/server-calls", UriKind.Relative), new { participants = new[] { Pstn } });

        ((int)room.StatusCode).Should().Be(201);
        var serverCallId = JsonNode.Parse(await server.Content.ReadAsStringAsync())!["serverCallId"]!.GetValue<string>();
        var connect = await Raw.PostAsync("/calling/callConnections:connect", new JsonObject
        {
            ["callLocator"] = new JsonObject { ["kind"] = "serverCallLocator", ["serverCallId"] = serverCallId },
            ["callbackUri"] = Receiver.CallbackUri.AbsoluteUri,
        });
        (await Receiver.WaitForAsync(connect.Body!["callConnectionId"]!.GetValue<string>(), "ParticipantsUpdated")).Data["participants"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task CliCallVerb_PlacesIncomingCallOnRunningEmulator()
    {
        await Emulator.RegisterEventGridWebhookAsync(Receiver.EventGridUri);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCli.RunAsync(["call", "--from", Caller, "--to", OwnedNumber, "--emulator", Emulator.Endpoint.AbsoluteUri], output, error);

        exit.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("incomingCallContext");
        var delivery = await Receiver.EventGrid.WaitForAsync(e => e.EventType == "Notification", Wait);
        delivery.First["data"]!["from"]!["rawId"]!.GetValue<string>().Should().Be("4:" + Caller);
    }

    [Fact]
    public async Task CliUnknownVerbOrMissingArgument_ExitCode2WithUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        (await EmulatorCli.RunAsync(["dance"], output, error)).Should().Be(2);
        (await EmulatorCli.RunAsync(["call", "--to", OwnedNumber], output, error)).Should().Be(2);
        error.ToString().Should().Contain("--from is required").And.Contain("Usage");
    }
}

public sealed class CliServeTests
{
    [Fact]
    public async Task ServeVerb_PrintsConnectionDetailsAndServesUntilStopped()
    {
        using var output = new SignallingWriter("Press Ctrl+C");
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = EmulatorCli.RunAsync(["serve", "--port", "0", "--quiet", "--owned-number", "+18005550199"], output, error, stop.Token);
        await output.Signalled.WaitAsync(TimeSpan.FromSeconds(20));

        var text = output.ToString();
        text.Should().Contain("Connection string: endpoint=http://127.0.0.1:").And.Contain(";accesskey=");
        text.Should().Contain("Resource id (callback JWT audience): 00000000-0000-4000-8000-00000000ac5e");
        text.Should().Contain("4:+18005550199");
        var oidc = text.Split('\n').Single(l => l.StartsWith("OpenID configuration: ", StringComparison.Ordinal))["OpenID configuration: ".Length..].Trim();
        using var http = new HttpClient();
        (await http.GetStringAsync(new Uri(oidc))).Should().Contain("acscallautomation.communication.azure.com");
        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(0);
    }

    [Fact]
    public async Task ServeVerb_WebhookFailsHandshake_ExitsWithError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await EmulatorCli.RunAsync(["serve", "--port", "0", "--quiet", "--webhook", "http://127.0.0.1:9/api/incoming-call"], output, error, CancellationToken.None);

        exit.Should().Be(2);
        error.ToString().Should().Contain("validation handshake");
    }

    private sealed class SignallingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Signalled => _signalled.Task;

        public override Task WriteLineAsync(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                _signalled.TrySetResult();
            }

            return Task.CompletedTask;
        }
    }
}
