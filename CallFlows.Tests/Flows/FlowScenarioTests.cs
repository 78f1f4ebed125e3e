using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallFlows.Emulator.Simulation;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Flows;

/// <summary>The shipped sample flows against the emulator (smoke level: each scenario's main path and outcome).</summary>
public sealed class FlowScenarioTests
{
    private const string Caller = "+14255550123";
    private const string Fallback = "+14255550199";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InboundRouting_AgentDeclines_TransfersCallerToFallbackWithCustomHeaders()
    {
        await using var app = await AppHarness.StartAsync(s =>
        {
            s["CallFlows:Routing:Rules:0:Settings:OnNoAgent"] = "Transfer";
            s["CallFlows:Routing:Rules:0:Settings:FallbackTarget"] = "4:" + Fallback;
            s["CallFlows:Routing:Rules:0:Settings:FallbackSipHeaders:Queue"] = "support";
            s["CallFlows:Routing:Rules:0:Settings:FallbackVoipHeaders:queue"] = "support";
            s["CallFlows:Routing:Rules:0:Settings:FallbackUui"] = "routed-by-callflows";
        });
        app.Emulator.World.Configure(app.AgentRawId, IdentityBehavior.Declines());
        using var cts = new CancellationTokenSource(Timeout);

        await app.Emulator.PlaceIncomingCallAsync(Caller, AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var outcome = await CompletedOutcomeAsync(app, await WaitForInboundAsync(app, cts.Token), cts.Token);

        outcome.Result.Should().Be("TransferredToFallback", outcome.Detail);
        outcome.Succeeded.Should().BeTrue();
        var transfer = app.Emulator.RequestLog.Entries.Single(r => r.RequestBody.Contains("targetParticipant", StringComparison.Ordinal));
        transfer.RequestBody.Should().Contain("X-MS-Custom-Queue").And.Contain("User-To-User").And.Contain("routed-by-callflows").And.Contain(Fallback);
    }

    [Fact]
    public async Task InboundRouting_AgentNeverAnswers_CancelsPendingInvitationAndHangsUp()
    {
        await using var app = await AppHarness.StartAsync(s =>
        {
            s["CallFlows:Routing:Rules:0:Settings:AgentInvitationTimeout"] = "00:01:00";
            s["CallFlows:Routing:Rules:0:Settings:AgentWaitTimeout"] = "00:00:03";
            s["CallFlows:Routing:Rules:0:Settings:OnNoAgent"] = "HangUp";
        });
        app.Emulator.World.Configure(app.AgentRawId, IdentityBehavior.NeverAnswers());
        using var cts = new CancellationTokenSource(Timeout);

        await app.Emulator.PlaceIncomingCallAsync(Caller, AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var outcome = await CompletedOutcomeAsync(app, await WaitForInboundAsync(app, cts.Token), cts.Token);

        outcome.Result.Should().Be("HungUpNoAgent", outcome.Detail);
        app.Emulator.RequestLog.Entries.Should().Contain(r => r.Operation == "CallConnection_CancelAddParticipant" && r.Status == 202, "the ringing invitation is cancelled");
        app.Emulator.RequestLog.Entries.Should().Contain(r => r.Operation == "CallConnection_TerminateCall" && r.Status == 204, "the call is ended for everyone");
    }

    [Fact]
    public async Task RedirectRule_IncomingCall_IsRedirectedToTarget()
    {
        await using var app = await AppHarness.StartAsync(s =>
        {
            s["CallFlows:Routing:Rules:0:Action"] = "Redirect";
            s["CallFlows:Routing:Rules:0:RedirectTarget"] = "4:" + Fallback;
        });
        using var cts = new CancellationTokenSource(Timeout);

        var placed = await app.Emulator.PlaceIncomingCallAsync(Caller, AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var outcome = await CompletedOutcomeAsync(app, await WaitForInboundAsync(app, cts.Token), cts.Token);

        outcome.Result.Should().Be("Redirected");
        (await app.Emulator.WaitForIncomingCallAsync(placed.EventId, s => s.RedirectedTo is not null, cancellationToken: cts.Token)).RedirectedTo.Should().Contain(Fallback);
    }

    [Fact]
    public async Task RedirectRule_ToOwnedUser_NewIncomingCallGetsItsOwnFlow()
    {
        await using var app = await AppHarness.StartAsync(s =>
        {
            s["CallFlows:Routing:Rules:0:Action"] = "Redirect";
            s["CallFlows:Routing:Rules:0:RedirectTarget"] = "8:acs:AGENT";
            s["CallFlows:Routing:Rules:1:Called"] = "8:acs:*";
            s["CallFlows:Routing:Rules:1:Action"] = "Reject";
            s["CallFlows:Routing:Rules:1:RejectReason"] = "Busy";
        });
        using var cts = new CancellationTokenSource(Timeout);

        await app.Emulator.PlaceIncomingCallAsync(Caller, AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var outcomes = new List<CallFlowOutcome>();
        while (outcomes.Count < 2)
        {
            outcomes.Clear();
            foreach (var id in await ListAsync(app, CallInstanceIds.InboundPrefix))
            {
                var instance = await app.Host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token);
                if (instance?.IsCompleted == true)
                {
                    outcomes.Add(instance.ReadOutputAs<CallFlowOutcome>()!);
                }
            }

            await Task.Delay(100, cts.Token);
        }

        outcomes.Select(o => (o.Flow, o.Result)).Should().BeEquivalentTo(new[] { ("RedirectCallFlow", "Redirected"), ("RejectCallFlow", "Rejected") },
            "the redirected call raises a new IncomingCall for the user, which the callee-aware instance id keeps apart");
    }

    [Fact]
    public async Task IncomingCall_CloudEventsSubscription_HandshakesAndRoutesTheCall()
    {
        await using var app = await AppHarness.StartAsync(s => s["CallFlows:Routing:Rules:0:Action"] = "Reject", registerWebhook: false);
        using var cts = new CancellationTokenSource(Timeout);
        await app.Emulator.RegisterEventGridWebhookAsync(app.WebhookUri, CallFlows.Emulator.EventGrid.EventGridDeliverySchema.CloudEvents, cancellationToken: cts.Token);

        await app.Emulator.PlaceIncomingCallAsync(Caller, AppHarness.OwnedNumber, cancellationToken: cts.Token);
        var outcome = await CompletedOutcomeAsync(app, await WaitForInboundAsync(app, cts.Token), cts.Token);

        outcome.Result.Should().Be("Rejected");
    }

    [Fact]
    public async Task IncomingCallWebhook_ConcurrentDeliveriesOfOneCall_StartOneInstance()
    {
        await using var app = await AppHarness.StartAsync(s => s["CallFlows:Routing:Rules:0:Action"] = "Reject", registerWebhook: false);
        var body = IncomingCallDelivery("race", "server-race-" + Guid.NewGuid().ToString("N"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await app.Http.PostAsync("api/incoming-call", new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));

        responses.Sum(r => r.GetProperty("started").GetArrayLength()).Should().Be(1, "exactly one delivery schedules the flow");
        responses.Sum(r => r.GetProperty("duplicates").GetArrayLength()).Should().Be(5);
        (await ListAsync(app, CallInstanceIds.InboundPrefix)).Should().ContainSingle();
    }

    [Fact]
    public async Task IncomingCallWebhook_DeliveryWhileTheAppStops_Answers503AndNeitherStartsNorRejectsTheCall()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        var body = IncomingCallDelivery("stop", "server-stop");

        // The host disposes its services after its shutdown timeout, while deliveries may still be in flight.
        app.Host.Services.GetRequiredService<IncomingCallAdmission>().Dispose();
        using var response = await app.Http.PostAsync("api/incoming-call", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "Event Grid then delivers the call again, to an instance that runs");
        (await ListAsync(app, CallInstanceIds.InboundPrefix)).Should().BeEmpty();
        app.Emulator.RequestLog.Entries.Should().NotContain(r => r.Operation == "RejectCall" || r.Operation == "AnswerCall");
    }

    /// <summary>An Event Grid delivery of one IncomingCall from <see cref="Caller"/> to the harness's number (event id, context and correlation named after <paramref name="name"/>).</summary>
    private static string IncomingCallDelivery(string name, string serverCallId) => """
        [{"id":"evt-NAME","topic":"/subscriptions/x","subject":"/caller/recipient","eventType":"Microsoft.Communication.IncomingCall",
          "eventTime":"2026-11-24T15:00:00Z","dataVersion":"1.0",
          "data":{"to":{"kind":"phoneNumber","rawId":"4:OWNED","phoneNumber":{"value":"OWNED"}},
                  "from":{"kind":"phoneNumber","rawId":"4:CALLER","phoneNumber":{"value":"CALLER"}},
                  "serverCallId":"SERVER","incomingCallContext":"ctx-NAME","correlationId":"corr-NAME"}}]
        """.Replace("OWNED", AppHarness.OwnedNumber, StringComparison.Ordinal).Replace("CALLER", Caller, StringComparison.Ordinal)
        .Replace("SERVER", serverCallId, StringComparison.Ordinal).Replace("NAME", name, StringComparison.Ordinal);

    [Fact]
    public async Task GroupCall_PstnAndVoipTargets_ConnectsAndEndsAtMaxDuration()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        var outcome = await StartAsync(app, new { flow = "GroupCall", targets = new[] { "4:" + Caller, app.AgentRawId }, callerId = "4:" + AppHarness.OwnedNumber, maxDurationSeconds = 1 });

        outcome.Result.Should().Be("EndedAtMaxDuration", outcome.Detail);
        outcome.Succeeded.Should().BeTrue();
        var create = app.Emulator.RequestLog.Entries.First(r => r.RequestBody.Contains("\"targets\"", StringComparison.Ordinal));
        create.RequestBody.Should().Contain(Caller).And.Contain(app.AgentRawId).And.Contain("sourceCallerIdNumber");
    }

    [Fact]
    public async Task OutboundCall_PstnWithCallerId_ConnectsAndCompletes()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        var outcome = await StartAsync(app, new { flow = "OutboundCall", targets = new[] { "4:" + Caller }, callerId = "4:" + AppHarness.OwnedNumber, maxDurationSeconds = 1 });

        outcome.Result.Should().Be("EndedAtMaxDuration", outcome.Detail);
    }

    [Theory]
    [InlineData("serverCall")]
    [InlineData("groupCall")]
    [InlineData("room")]
    public async Task ConnectCall_ExistingCall_JoinsAndLeavesAtMaxDuration(string kind)
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        var id = kind switch
        {
            "serverCall" => app.Emulator.World.CreateServerCall("4:" + Caller),
            "groupCall" => app.Emulator.World.CreateGroupCall(Guid.NewGuid().ToString(), "4:" + Caller),
            _ => app.Emulator.World.CreateRoom("room-" + Guid.NewGuid().ToString("N"), "4:" + Caller),
        };

        var outcome = await StartAsync(app, new { flow = "ConnectCall", locator = new { kind, id }, maxDurationSeconds = 1 });

        outcome.Result.Should().Be("LeftAtMaxDuration", outcome.Detail);
    }

    [Fact]
    public async Task GroupTransfer_Transferee_IsTransferredToTarget()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        var outcome = await StartAsync(app, new
        {
            flow = "GroupTransfer",
            targets = new[] { "4:" + Caller, app.AgentRawId },
            callerId = "4:" + AppHarness.OwnedNumber,
            transferee = "4:" + Caller,
            transferTarget = "4:" + Fallback,
            sipHeaders = new Dictionary<string, string> { ["Case"] = "42" },
        });

        outcome.Result.Should().Be("TransferAccepted", outcome.Detail);
        app.Emulator.RequestLog.Entries.Single(r => r.RequestBody.Contains("transferee", StringComparison.Ordinal)).RequestBody.Should().Contain("X-MS-Custom-Case");
    }

    [Fact]
    public async Task CancelAddParticipant_RingingInvitation_IsCancelled()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        app.Emulator.World.Configure("4:" + Fallback, IdentityBehavior.NeverAnswers());

        var outcome = await StartAsync(app, new
        {
            flow = "CancelAddParticipant",
            targets = new[] { app.AgentRawId },
            participant = "4:" + Fallback,
            callerId = "4:" + AppHarness.OwnedNumber,
            invitationTimeoutSeconds = 60,
            cancelAfterSeconds = 1,
        });

        outcome.Result.Should().Be("InvitationCancelled", outcome.Detail);
    }

    [Fact]
    public async Task RemoveParticipant_JoinedParticipant_IsRemoved()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        var outcome = await StartAsync(app, new
        {
            flow = "RemoveParticipant",
            targets = new[] { "4:" + Caller, app.AgentRawId },
            callerId = "4:" + AppHarness.OwnedNumber,
            participant = "4:" + Caller,
        });

        outcome.Result.Should().Be("ParticipantRemoved", outcome.Detail);
    }

    [Fact]
    public async Task HangUpForEveryone_GroupCall_EndsItForAll()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);

        var outcome = await StartAsync(app, new
        {
            flow = "HangUpForEveryone",
            targets = new[] { "4:" + Caller, app.AgentRawId },
            callerId = "4:" + AppHarness.OwnedNumber,
            maxDurationSeconds = 0,
        });

        outcome.Result.Should().Be("EndedForEveryone", outcome.Detail);
        app.Emulator.RequestLog.Entries.Should().Contain(r => r.Operation == "CallConnection_TerminateCall" && r.Status == 204);
    }

    [Fact]
    public async Task RemoveParticipant_DuplicatedReorderedCallbacksAndServiceErrors_StillRemovesOnceWithOneRepeatabilityId()
    {
        await using var app = await AppHarness.StartAsync(registerWebhook: false);
        app.Emulator.Faults.DuplicateProbability = 1;
        app.Emulator.Faults.ReorderProbability = 0.5;
        // More 503s than the client's own retries absorb: the activity fails transiently and the runtime retries it.
        app.Emulator.Faults.FailNextRequests(6, 503);

        var outcome = await StartAsync(app, new
        {
            flow = "RemoveParticipant",
            targets = new[] { "4:" + Caller, app.AgentRawId },
            callerId = "4:" + AppHarness.OwnedNumber,
            participant = "4:" + Caller,
        });

        outcome.Result.Should().Be("ParticipantRemoved", outcome.Detail);
        var creates = app.Emulator.RequestLog.Entries.Where(r => r.Operation == "CreateCall").ToList();
        creates.Should().HaveCount(7, "six injected failures, then the call is created");
        creates.Select(r => r.RepeatabilityRequestId).Distinct().Should().ContainSingle("every attempt, by the client or by an activity retry, resends one repeatability id");
        app.Emulator.RequestLog.Entries.Count(r => r.Operation == "CallConnection_RemoveParticipant" && r.Status == 202).Should().Be(1);
    }

    private static async Task<CallFlowOutcome> StartAsync(AppHarness app, object body)
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var response = await app.Http.PostAsJsonAsync("api/calls", body, cts.Token);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cts.Token));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString()!;
        return await CompletedOutcomeAsync(app, id, cts.Token);
    }

    private static async Task<CallFlowOutcome> CompletedOutcomeAsync(AppHarness app, string instanceId, CancellationToken cancellationToken)
    {
        var done = await app.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        return done.ReadOutputAs<CallFlowOutcome>()!;
    }

    private static async Task<IReadOnlyList<string>> ListAsync(AppHarness app, string prefix)
    {
        var ids = new List<string>();
        await foreach (var instance in app.Host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
        {
            ids.Add(instance.InstanceId);
        }

        return ids;
    }

    private static async Task<string> WaitForInboundAsync(AppHarness app, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ids = await ListAsync(app, CallInstanceIds.InboundPrefix);
            if (ids.Count > 0)
            {
                return ids[0];
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
