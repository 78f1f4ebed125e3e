using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Flows;

/// <summary>The app's HTTP triggers and flows, wired by AddCallFlows + configuration on the local host, against the emulator.</summary>
public sealed class FunctionsAppTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IncomingCallWebhook_EventGridSubscription_CompletesValidationHandshake()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        var subscription = await app.Emulator.RegisterEventGridWebhookAsync(app.WebhookUri);

        subscription.Should().NotBeNull();
        app.Emulator.EventGridSubscriptions.Should().ContainSingle();
    }

    [Fact]
    public async Task IncomingCallWebhook_CloudEventsOptions_AnswersAbuseProtectionHeaders()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        using var request = new HttpRequestMessage(HttpMethod.Options, "api/incoming-call");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await app.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("WebHook-Allowed-Origin").Should().Equal("eventgrid.azure.net");
        response.Headers.GetValues("WebHook-Allowed-Rate").Should().Equal("*");
        response.Content.Headers.Allow.Should().Equal("POST");

        using var noOrigin = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Options, "api/incoming-call"));
        noOrigin.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IncomingCallWebhook_SubscriptionValidationInBothSchemas_EchoesTheCode()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        const string eventGrid = """[{"id":"v1","topic":"t","subject":"s","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-24T15:00:00Z","dataVersion":"1","data":{"validationCode":"CODE-1","validationUrl":"https://example.com/validate"}}]""";
        const string cloudEvents = """[{"id":"v2","source":"t","type":"Microsoft.EventGrid.SubscriptionValidationEvent","specversion":"1.0","time":"2026-11-24T15:00:00Z","data":{"validationCode":"CODE-2"}}]""";

        (await PostJsonAsync(app, "api/incoming-call", eventGrid)).GetProperty("validationResponse").GetString().Should().Be("CODE-1");
        (await PostJsonAsync(app, "api/incoming-call", cloudEvents)).GetProperty("validationResponse").GetString().Should().Be("CODE-2");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""[{"id":"x","topic":"t","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-24T15:00:00Z","dataVersion":"1","data":{}}]""")]
    [InlineData("""[{"id":"x","topic":"t","subject":"s","eventType":"Microsoft.Communication.IncomingCall","eventTime":"2026-11-24T15:00:00Z","dataVersion":"1","data":{"to":{"rawId":"4:+18005550100"}}}]""")]
    public async Task IncomingCallWebhook_MalformedOrUnknownDelivery_Returns400(string body)
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        using var response = await app.Http.PostAsync("api/incoming-call", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IncomingCall_RejectRuleAndRedelivery_RejectsOnceWithBusy()
    {
        await using var app = await AppHarness.StartAsync(settings =>
        {
            // Rule 0 of the harness is replaced: this number is busy.
            settings["CallFlows:Routing:Rules:0:Action"] = "Reject";
            settings["CallFlows:Routing:Rules:0:RejectReason"] = "Busy";
        });
        using var cts = new CancellationTokenSource(Timeout);

        var placed = await app.Emulator.PlaceIncomingCallAsync("+14255550123", AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var instanceId = await WaitForInboundInstanceAsync(app, cts.Token);
        var done = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
        app.Emulator.RedeliverIncomingCall(placed.EventId);
        await Task.Delay(1000, cts.Token);

        done.Name.Should().Be("RejectCallFlow");
        done.ReadOutputAs<CallFlowOutcome>()!.Result.Should().Be("Rejected");
        (await app.Emulator.WaitForIncomingCallAsync(placed.EventId, s => s.State.ToString() == "Rejected", cancellationToken: cts.Token)).Should().NotBeNull();
        var instances = await ListInboundAsync(app, cts.Token);
        instances.Should().ContainSingle("the redelivered IncomingCall maps to the same instance");
        app.Emulator.RequestLog.Entries.Count(r => r.Operation == "RejectCall").Should().Be(1);
    }

    [Fact]
    public async Task InboundRouting_AgentAnswers_ConnectsAgentThenEndsWhenCallerHangsUp()
    {
        await using var app = await AppHarness.StartAsync();
        using var cts = new CancellationTokenSource(Timeout);

        await app.Emulator.PlaceIncomingCallAsync("+14255550123", AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var instanceId = await WaitForInboundInstanceAsync(app, cts.Token);
        var status = await WaitForStatusAsync(app, instanceId, s => s.Status?.Participants.Contains(app.AgentRawId) == true, cts.Token);
        app.Emulator.HangUpParticipant(status.Status!.CallConnectionId!, "+14255550123");
        var done = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        var outcome = done.ReadOutputAs<CallFlowOutcome>()!;
        outcome.Result.Should().Be("AgentConnected");
        outcome.Succeeded.Should().BeTrue();
        var view = await app.Http.GetFromJsonAsync<JsonElement>($"api/calls/{instanceId}", cts.Token);
        view.GetProperty("runtimeStatus").GetString().Should().Be("Completed");
        view.GetProperty("outcome").GetProperty("result").GetString().Should().Be("AgentConnected");
        view.GetProperty("status").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("name").GetString())
            .Should().Contain(["AnswerCall", "AddParticipant"]);
    }

    [Fact]
    public async Task StartCall_OutboundToAcsUser_Returns202PayloadAndCompletes()
    {
        await using var app = await AppHarness.StartAsync();
        using var cts = new CancellationTokenSource(Timeout);
        var body = new { flow = "OutboundCall", targets = new[] { app.AgentRawId }, maxDurationSeconds = 1 };

        using var response = await app.Http.PostAsJsonAsync("api/calls", body, cts.Token);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var payload = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        var id = payload.GetProperty("id").GetString()!;
        foreach (var link in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri" })
        {
            payload.GetProperty(link).GetString().Should().Contain(id);
        }

        response.Headers.Location!.ToString().Should().Be(payload.GetProperty("statusQueryGetUri").GetString());
        var done = await app.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        done.ReadOutputAs<CallFlowOutcome>()!.Result.Should().Be("EndedAtMaxDuration");
        using var status = await app.Http.GetAsync(payload.GetProperty("statusQueryGetUri").GetString(), cts.Token);
        status.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartCall_SameIdempotencyKeyConcurrently_StartsOneInstance()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        using var cts = new CancellationTokenSource(Timeout);
        var key = "order-" + Guid.NewGuid().ToString("N");
        var body = new { flow = "OutboundCall", instanceId = key, targets = new[] { app.AgentRawId }, maxDurationSeconds = 1 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Http.PostAsJsonAsync("api/calls", body, cts.Token)));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Accepted);
        foreach (var response in responses)
        {
            (await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString().Should().Be(key);
            response.Dispose();
        }

        await app.Host.Client.WaitForInstanceCompletionAsync(key, getInputsAndOutputs: false, cts.Token);
        app.Emulator.RequestLog.Entries.Count(r => r.Operation == "CreateCall").Should().Be(1, "one instance placed one call");
        using var conflict = await app.Http.PostAsJsonAsync("api/calls", new { flow = "GroupCall", instanceId = key, targets = new[] { app.AgentRawId } }, cts.Token);
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"flow":"Teleport","targets":["8:acs:x"]}""", "flow")]
    [InlineData("""{"flow":"OutboundCall","targets":["4:+14255550123"]}""", "callerId")]
    [InlineData("""{"flow":"OutboundCall","targets":["nonsense"]}""", "targets[0]")]
    [InlineData("""{"flow":"ConnectCall","locator":{"kind":"meeting","id":"x"}}""", "locator.kind")]
    [InlineData("""{"flow":"GroupTransfer","targets":["8:acs:a"],"transferTarget":"8:acs:b"}""", "transferee")]
    [InlineData("""{"flow":"CancelAddParticipant","targets":["8:acs:a"],"participant":"8:acs:b","invitationTimeoutSeconds":500}""", "invitationTimeoutSeconds")]
    public async Task StartCall_InvalidRequest_Returns400NamingTheField(string body, string field)
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        using var response = await app.Http.PostAsync("api/calls", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().Should().Be(field);
    }

    [Fact]
    public async Task Callback_MissingOrForgedToken_Returns401AndUnknownInstanceReturns404()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        const string body = """[{"id":"c1","source":"calling/callConnections/x","type":"Microsoft.Communication.CallConnected","specversion":"1.0","time":"2026-11-24T15:00:00Z","data":{"callConnectionId":"x"}}]""";

        using var missing = await app.Http.PostAsync("api/callbacks/in-unknown", new StringContent(body, Encoding.UTF8, "application/json"));
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "api/callbacks/in-unknown") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl");
        (await app.Http.SendAsync(forged)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await using var open = await AppHarness.StartAsync(s => s["CallFlows:CallbackAuth:ValidateTokens"] = "false", registerWebhook: false);
        using var unsigned = await open.Http.PostAsync("api/callbacks/in-unknown", new StringContent(body, Encoding.UTF8, "application/json"));
        unsigned.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a callback URL without its proof is refused even when tokens are not validated");
        var signed = CallFlows.Tests.Security.CallbackUrlProof.SignedPath(open.Host.Services, "in-unknown");
        using var unknown = await open.Http.PostAsync(signed, new StringContent(body, Encoding.UTF8, "application/json"));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var malformed = await open.Http.PostAsync(signed, new StringContent("{oops", Encoding.UTF8, "application/json"));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var noStatus = await open.Http.GetAsync("api/calls/in-unknown");
        noStatus.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Callback_UnknownTypeForRunningAndAnyEventForEndedInstance_AreAcceptedAndReported()
    {
        await using var app = await AppHarness.StartAsync(s => s["CallFlows:CallbackAuth:ValidateTokens"] = "false", registerWebhook: false);
        using var cts = new CancellationTokenSource(Timeout);
        using var started = await app.Http.PostAsJsonAsync("api/calls", new { flow = "OutboundCall", targets = new[] { app.AgentRawId }, maxDurationSeconds = 3 }, cts.Token);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString()!;
        await WaitForStatusAsync(app, id, s => s.Status?.CallState == "Connected", cts.Token);
        const string unknown = """[{"id":"u1","source":"calling/callConnections/x","type":"Microsoft.Communication.PlayCompleted","specversion":"1.0","time":"2026-11-24T15:00:00Z","data":{"callConnectionId":"x","operationContext":"media"}}]""";

        var raised = await PostJsonAsync(app, CallFlows.Tests.Security.CallbackUrlProof.SignedPath(app.Host.Services, id), unknown);
        raised.GetProperty("raised").GetInt32().Should().Be(1);
        await WaitForStatusAsync(app, id, s => s.Status?.Events.Any(e => e.Name == "PlayCompleted") == true, cts.Token);

        await app.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cts.Token);
        var late = await PostJsonAsync(app, CallFlows.Tests.Security.CallbackUrlProof.SignedPath(app.Host.Services, id), unknown.Replace("u1", "u2", StringComparison.Ordinal));
        late.GetProperty("ignored").GetInt32().Should().Be(1, "late events after the flow ended are normal and acknowledged");
    }

    private static async Task<JsonElement> PostJsonAsync(AppHarness app, string path, string body)
    {
        using var response = await app.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<IReadOnlyList<string>> ListInboundAsync(AppHarness app, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var instance in app.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = CallInstanceIds.InboundPrefix }))
        {
            ids.Add(instance.InstanceId);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ids;
    }

    private static async Task<string> WaitForInboundInstanceAsync(AppHarness app, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ids = await ListInboundAsync(app, cancellationToken);
            if (ids.Count > 0)
            {
                return ids[0];
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<CallStatusResponse> WaitForStatusAsync(AppHarness app, string instanceId,
        Func<CallStatusResponse, bool> predicate, CancellationToken cancellationToken)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        while (true)
        {
            var view = await app.Http.GetFromJsonAsync<CallStatusResponse>($"api/calls/{instanceId}", options, cancellationToken);
            if (view is not null && predicate(view))
            {
                return view;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
