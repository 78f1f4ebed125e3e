using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Tests.EndToEnd;

/// <summary>The app's edges under abuse: Event Grid redelivery, forged callbacks; and the demo's own scenarios.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class WebhookAndCallbackTests(EndToEndFixture fixture)
{
    CallFlowsLocalApp App => fixture.App;

    [Fact]
    public async Task StartAsync_Wiring_WebhookRegisteredAndAppPointedAtTheEmulator()
    {
        fixture.Emulator.EventGridSubscriptions.Should().ContainSingle(s => s.Endpoint == this.App.IncomingCallWebhook);
        fixture.Emulator.EventLog.Entries.Should().Contain(e => e.Channel == DeliveryChannel.EventGridValidation && e.Status == 200,
            "the subscription validation handshake was answered by the app");
        this.App.EmulatorConnectionString.Should().Be(fixture.Emulator.ConnectionString);
        this.App.ResourceId.Should().Be(fixture.Emulator.ResourceId.ToString());
        this.App.Host.HostedFunctions["orchestrator"].Should().Contain(nameof(InboundRoutingFlow));
        (await this.App.Client.GetAsync("admin/host/status")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task IncomingCallWebhook_EventGridRedelivery_StartsNoSecondOrchestration()
    {
        const string caller = "+15553000001";
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(5) });
        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, caller, DemoWorld.AgentAnswersNumber);
        await EndToEndHarness.WaitForRequestAsync(this.App, r => r.Operation == "AnswerCall" && r.RequestBody.Contains(incoming.IncomingCallContext, StringComparison.Ordinal));

        fixture.Emulator.RedeliverIncomingCall(incoming.EventId);
        DeliveryRecord redelivered = await EndToEndHarness.WaitForDeliveryAsync(this.App, e => e.EventId == incoming.EventId && e.IsDuplicate && e.Outcome == DeliveryOutcome.Delivered);

        redelivered.Status.Should().Be(200, "a duplicate is acknowledged so Event Grid stops retrying");
        FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);
        await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected), succeeded: true);
        call.ShouldHavePerformedExactly("AnswerCall", "CallConnection_AddParticipant", "CallConnection_TerminateCall");
        // The webhook answers on arrival and the flow's answer repeats that request (a repeatability replay): performed once.
        fixture.Emulator.RequestLog.Entries.Count(r => r.Operation == "AnswerCall" && !r.IsReplay && r.RequestBody.Contains(incoming.IncomingCallContext, StringComparison.Ordinal))
            .Should().Be(1, "the redelivered event must not start a second orchestration that answers again");
        fixture.Emulator.EventLog.Entries.Count(e => e.EventId == incoming.EventId && e.Channel == DeliveryChannel.EventGrid && e.Outcome == DeliveryOutcome.Delivered)
            .Should().Be(2);
    }

    [Fact]
    public async Task Callback_ForgedOrMissingJwt_Rejected401AndCallUnaffected()
    {
        const string caller = "+15553000002";
        string agent = DemoWorld.SlowAgent(fixture.ResourceId);
        fixture.Emulator.World.Configure(agent, IdentityBehavior.Answers(TimeSpan.FromSeconds(3)));
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(10) });
        try
        {
            var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(this.App, caller, DemoWorld.SlowAgentNumber);
            var add = await EndToEndHarness.WaitForRequestAsync(this.App, r => r.Operation == "CallConnection_AddParticipant" && r.Status == 202
                && r.CallConnectionId is { } c && fixture.Emulator.GetCall(c)?.Participants.Any(p => p.RawId == "4:" + caller) == true);

            // While the agent rings, a forged CallDisconnected would end the flow as CallerHungUp if it got through.
            string body = ForgedDisconnect(add.CallConnectionId!, incoming.ServerCallId);
            (await this.PostCallbackAsync(id, body, token: null)).Should().Be(HttpStatusCode.Unauthorized);
            (await this.PostCallbackAsync(id, body, ForeignToken(fixture.ResourceId))).Should().Be(HttpStatusCode.Unauthorized);
            (await this.PostCallbackAsync(id, body, "not-a-jwt")).Should().Be(HttpStatusCode.Unauthorized);

            FlowCall call = await EndToEndHarness.FinishAsync(this.App, id, incoming);

            await call.ShouldReportAsync(this.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected), succeeded: true);
            call.ShouldHavePerformedExactly("AnswerCall", "CallConnection_AddParticipant", "CallConnection_TerminateCall");
            call.EventNames().Count(e => e == "CallDisconnected").Should().Be(1);
        }
        finally
        {
            fixture.Emulator.World.Configure(agent, IdentityBehavior.Answers(DemoWorld.SlowAgentAnswerDelay));
        }
    }

    [Fact]
    public async Task DemoRunner_AllScenarios_EndWithTheirExpectedOutcome()
    {
        var output = new StringWriter();

        IReadOnlyList<DemoCallReport> reports = await DemoRunner.RunAsync(this.App, output);

        reports.Should().HaveCount(DemoRunner.Scenarios.Count).And.HaveCountGreaterThanOrEqualTo(12, "ten call-control scenarios and two through the IVR");
        reports.Where(r => !r.Passed).Select(r => r.Scenario.Title).Should().BeEmpty(output.ToString());
        reports.Should().OnlyContain(r => r.Timeline.Count > 0 && r.Timeline[0].Milliseconds >= 0);
        output.ToString().Should().Contain($"{reports.Count}/{reports.Count} calls ended with their expected outcome");
    }

    async Task<HttpStatusCode> PostCallbackAsync(string instanceId, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/callbacks/" + instanceId)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using HttpResponseMessage response = await this.App.Client.SendAsync(request);
        return response.StatusCode;
    }

    static string ForgedDisconnect(string callConnectionId, string serverCallId) =>
        $$"""
        [{"id":"forged-{{Guid.NewGuid():N}}","source":"calling/callConnections/{{callConnectionId}}","type":"Microsoft.Communication.CallDisconnected",
          "specversion":"1.0","time":"{{DateTime.UtcNow:O}}","subject":"calling/callConnections/{{callConnectionId}}",
          "data":{"callConnectionId":"{{callConnectionId}}","serverCallId":"{{serverCallId}}","correlationId":"forged"} }]
        """;

    /// <summary>Right issuer and audience, signed by a key the emulator never published.</summary>
    static string ForeignToken(string audience)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "foreign" };
        var handler = new JwtSecurityTokenHandler();
        return handler.WriteToken(handler.CreateJwtSecurityToken(
            issuer: "https://acscallautomation.communication.azure.com",
            audience: audience,
            expires: DateTime.UtcNow.AddMinutes(5),
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.RsaSha256)));
    }
}
