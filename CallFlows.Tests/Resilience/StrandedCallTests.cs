using System.Net;
using System.Net.Http.Json;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// A call is never left without a flow, on the real engine with the emulator: after an operator terminates or purges the
/// instance of a connected call (Durable Functions runs no more orchestrator code then), the callback endpoint or the
/// timer sweep ends the call in the emulator and an error log names the instance, the call, the flow and the cause.
/// </summary>
[Trait("Category", TestCategory.Slow)]
public sealed class StrandedCallTests
{
    const string Caller = "+15550007777";
    const int StrandedCallEndedEventId = 7001;
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The agent leaves, so ACS posts ParticipantsUpdated to the ended instance's callback URL; unless a callback already
    /// on its way (the roster of the agent joining, delayed on a busy machine) reached it first and ended the call.
    /// </summary>
    static void AgentLeaves(World world, CallSnapshot call)
    {
        try
        {
            world.Emulator.HangUpParticipant(call.CallConnectionId, DemoWorld.Agent(world.App.ResourceId));
        }
        catch (CallFlows.Emulator.Simulation.ApiException) when (world.Emulator.Calls.Any(c => c.CallConnectionId == call.CallConnectionId && c.State == "disconnected"))
        {
        }
    }

    [Fact]
    public async Task Terminate_CallConnected_TimerSweepEndsTheCallAndLogsIt()
    {
        await using var world = await World.StartAsync(sweep: true);
        (string instanceId, CallSnapshot call) = await world.PlaceConnectedCallAsync();

        await world.ManageAsync(HttpMethod.Post, $"instances/{instanceId}/terminate?reason=operator%20stopped%20it");

        // Nothing reaches the callback endpoint: only the sweep (every second here) can end the call.
        CallSnapshot ended = await world.Emulator.WaitForCallAsync(call.CallConnectionId, c => c.State == "disconnected", Timeout);
        ended.State.Should().Be("disconnected");
        world.ShouldHaveLoggedStrandedCall(instanceId, call.CallConnectionId, "InboundRouting", "terminated", "operator stopped it");
    }

    [Fact]
    public async Task Terminate_CallConnectedSweepOffNoInstanceCache_NextCallbackEndsTheCallAndLogsIt()
    {
        // Every callback reads its instance (CallFlows:RunningInstanceCacheDuration = 0): the very next one ends the call.
        await using var world = await World.StartAsync(sweep: false, runningInstanceCache: TimeSpan.Zero);
        (string instanceId, CallSnapshot call) = await world.PlaceConnectedCallAsync();

        await world.ManageAsync(HttpMethod.Post, $"instances/{instanceId}/terminate?reason=maintenance");
        await WaitForRuntimeStatusAsync(world, instanceId, "Terminated");
        // The agent leaves: ACS posts ParticipantsUpdated to the terminated instance's callback URL.
        AgentLeaves(world, call);

        await world.Emulator.WaitForCallAsync(call.CallConnectionId, c => c.State == "disconnected", Timeout);
        world.ShouldHaveLoggedStrandedCall(instanceId, call.CallConnectionId, "InboundRouting", "terminated", "maintenance");
    }

    [Fact]
    public async Task Purge_CallConnected_NextCallbackForTheUnknownInstanceEndsTheCallAndLogsIt()
    {
        await using var world = await World.StartAsync(sweep: false, runningInstanceCache: TimeSpan.Zero);
        (string instanceId, CallSnapshot call) = await world.PlaceConnectedCallAsync();

        await world.ManageAsync(HttpMethod.Post, $"instances/{instanceId}/terminate?reason=cleanup");
        await WaitForRuntimeStatusAsync(world, instanceId, "Terminated");
        await world.ManageAsync(HttpMethod.Delete, $"instances/{instanceId}");
        (await world.App.DurableClient.GetInstanceAsync(instanceId)).Should().BeNull("the instance is purged");
        AgentLeaves(world, call);

        await world.Emulator.WaitForCallAsync(call.CallConnectionId, c => c.State == "disconnected", Timeout);
        world.ShouldHaveLoggedStrandedCall(instanceId, call.CallConnectionId, "purged", "no longer exists");
    }

    [Fact]
    public async Task Terminate_CallConnectedSweepOffDefaultInstanceCache_FirstCallbackAfterTheWindowEndsTheCall()
    {
        // The shipped default trusts a read of the instance as running for 2 s: callbacks within that window of the last
        // read are raised into the terminated instance (and dropped by the engine); the first one after it ends the call.
        await using var world = await World.StartAsync(sweep: false);
        (string instanceId, CallSnapshot call) = await world.PlaceConnectedCallAsync();

        await world.ManageAsync(HttpMethod.Post, $"instances/{instanceId}/terminate?reason=window");
        await WaitForRuntimeStatusAsync(world, instanceId, "Terminated");
        using var cts = new CancellationTokenSource(Timeout);
        int callbacks = 0;
        while (world.Emulator.Calls.Single(c => c.CallConnectionId == call.CallConnectionId).State != "disconnected")
        {
            // ACS re-announces the roster (one ParticipantsUpdated callback each time) until the call is ended.
            world.Emulator.RepublishParticipants(call.CallConnectionId);
            callbacks++;
            await Task.Delay(250, cts.Token);
        }

        callbacks.Should().BeGreaterThan(0);
        world.ShouldHaveLoggedStrandedCall(instanceId, call.CallConnectionId, "InboundRouting", "terminated", "window");
    }

    [Fact]
    public async Task Callback_ProofSignedWithThePreviousKey_IsAcceptedAfterRotation()
    {
        // Rotation: the call started under the old key; the app restarts with the new key first and the old one second.
        const string oldKey = "stranded-tests-old-callback-signing-key-000000";
        const string newKey = "stranded-tests-new-callback-signing-key-111111";
        await using var world = await World.StartAsync(sweep: false, keys: [newKey, oldKey]);
        (string instanceId, CallSnapshot call) = await world.PlaceConnectedCallAsync();
        System.Web.HttpUtility.ParseQueryString(call.CallbackUri.Query)["sig"].Should().Be(CallFlows.Tests.Security.CallbackUrlProof.For(newKey, instanceId), "new calls are signed with the first key");

        string body = $$$"""[{"id":"rot-1","source":"calling/callConnections/{{{call.CallConnectionId}}}","type":"Microsoft.Communication.PlayCompleted","specversion":"1.0","time":"2026-11-30T00:00:00Z","data":{"callConnectionId":"{{{call.CallConnectionId}}}","operationContext":"rotation"}}]""";
        string token = world.MintToken();
        (await world.PostCallbackAsync($"api/callbacks/{instanceId}?sig={CallFlows.Tests.Security.CallbackUrlProof.For(oldKey, instanceId)}", body, token))
            .Should().Be(HttpStatusCode.OK, "a URL handed out before the rotation still works");
        (await world.PostCallbackAsync($"api/callbacks/{instanceId}?sig={CallFlows.Tests.Security.CallbackUrlProof.For("some-other-key-that-is-not-configured-000", instanceId)}", body, token))
            .Should().Be(HttpStatusCode.Forbidden);
        world.Logs.Lines.Should().Contain(l => l.EventId == 7004 && l.Message.Contains(instanceId, StringComparison.Ordinal));
    }

    static async Task WaitForRuntimeStatusAsync(World world, string instanceId, string status)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while ((await world.App.DurableClient.GetInstanceAsync(instanceId, cts.Token))?.RuntimeStatus.ToString() != status)
        {
            await Task.Delay(100, cts.Token);
        }
    }

    sealed class World : IAsyncDisposable
    {
        World(AzuriteServer azurite, AcsEmulator emulator, TrustedKeysServer keys, CallFlowsLocalApp app, LogCapture logs)
        {
            this.Azurite = azurite;
            this.Emulator = emulator;
            this.Keys = keys;
            this.App = app;
            this.Logs = logs;
        }

        public TrustedKeysServer Keys { get; }

        public AzuriteServer Azurite { get; }

        public AcsEmulator Emulator { get; }

        public CallFlowsLocalApp App { get; }

        public LogCapture Logs { get; }

        public static async Task<World> StartAsync(bool sweep, string[]? keys = null, TimeSpan? runningInstanceCache = null)
        {
            AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true });
            var emulatorOptions = new AcsEmulatorOptions();
            foreach (string number in DemoWorld.OwnedNumbers.Where(n => !emulatorOptions.OwnedPhoneNumbers.Contains(n)))
            {
                emulatorOptions.OwnedPhoneNumbers.Add(number);
            }

            AcsEmulator emulator = await AcsEmulator.StartAsync(emulatorOptions);
            DemoWorld.Configure(emulator);
            emulator.World.Configure(Caller, IdentityBehavior.Answers());
            TrustedKeysServer trusted = await TrustedKeysServer.StartAsync(new Uri(emulator.Endpoint, "calling/keys"));
            var logs = new LogCapture();
            var options = new CallFlowsLocalAppOptions
            {
                ExternalEmulator = emulator.Endpoint,
                StorageConnectionString = azurite.ConnectionString,
                TaskHubName = "stranded" + Guid.NewGuid().ToString("N")[..10],
                DeleteTaskHubOnStop = true,
                MinimumLogLevel = LogLevel.Information,
                ConfigureServices = (services, _) => services.AddSingleton<ILoggerProvider>(logs),
            };
            options.Configuration["CallFlows:CallbackAuth:OpenIdConfigurationUrl"] = trusted.ConfigurationUrl.AbsoluteUri;
            options.Configuration["CallFlows:StrandedCallSweep:Enabled"] = sweep ? "true" : "false";
            options.Configuration["CallFlows:StrandedCallSweep:Schedule"] = "*/1 * * * * *";
            if (runningInstanceCache is { } cache)
            {
                options.Configuration["CallFlows:RunningInstanceCacheDuration"] = cache.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
            }
            for (int i = 0; i < (keys?.Length ?? 0); i++)
            {
                options.Configuration[$"CallFlows:CallbackSigning:Keys:{i}"] = keys![i];
            }

            CallFlowsLocalApp app = await CallFlowsLocalApp.StartAsync(options);
            return new World(azurite, emulator, trusted, app, logs);
        }

        async Task WaitForFlowToSeeAsync(string instanceId, string agent, CancellationToken cancellationToken)
        {
            while (true)
            {
                using HttpResponseMessage response = await this.App.Client.GetAsync(new Uri("api/calls/" + instanceId, UriKind.Relative), cancellationToken);
                CallStatusResponse? status = response.IsSuccessStatusCode
                    ? await response.Content.ReadFromJsonAsync<CallStatusResponse>(JsonHttpResult.SerializerOptions, cancellationToken)
                    : null;
                if (status?.Status is { } flow && flow.Participants.Contains(agent)
                    && flow.Actions.Any(a => a.Name == "AddParticipant" && a.Detail == "Succeeded"))
                {
                    return;
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        /// <summary>An inbound call the flow answers and connects to the agent, who stays on the line.</summary>
        public async Task<(string InstanceId, CallSnapshot Call)> PlaceConnectedCallAsync()
        {
            IncomingCallSnapshot placed = await this.Emulator.PlaceIncomingCallAsync(Caller, DemoWorld.AgentAnswersNumber);
            string instanceId = CallFlowsLocalApp.InstanceIdFor(placed.ServerCallId, placed.To);
            string agent = DemoWorld.Agent(this.App.ResourceId);
            using var cts = new CancellationTokenSource(Timeout);
            while (true)
            {
                CallSnapshot? call = this.Emulator.Calls.FirstOrDefault(c => c.CallbackUri.AbsolutePath.EndsWith("/" + instanceId, StringComparison.Ordinal));
                if (call is not null)
                {
                    CallSnapshot joined = await this.Emulator.WaitForCallAsync(call.CallConnectionId,
                        c => c.State == "connected" && c.Participants.Any(p => p.RawId == agent), Timeout, cts.Token);
                    // And the flow has received the callbacks of the agent joining: none is still on its way to reach the
                    // instance after the test terminates or purges it (that callback would end the call first, for its cause).
                    await this.WaitForFlowToSeeAsync(instanceId, agent, cts.Token);
                    return (instanceId, joined);
                }

                await Task.Delay(100, cts.Token);
            }
        }

        public async Task ManageAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, new Uri("runtime/webhooks/durabletask/" + path, UriKind.Relative));
            using HttpResponseMessage response = await this.App.Client.SendAsync(request);
            ((int)response.StatusCode).Should().BeOneOf([200, 202], await response.Content.ReadAsStringAsync());
        }

        public async Task<HttpStatusCode> PostCallbackAsync(string path, string body, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using HttpResponseMessage response = await this.App.Client.SendAsync(request);
            return response.StatusCode;
        }

        /// <summary>A valid callback token (right issuer and audience, signed by a trusted key).</summary>
        public string MintToken() => this.Keys.Mint("valid", this.App.ResourceId)!;

        public void ShouldHaveLoggedStrandedCall(string instanceId, string callConnectionId, params string[] words)
        {
            var lines = this.Logs.Lines.Where(l => l.EventId == StrandedCallEndedEventId && l.Level == LogLevel.Error).ToList();
            lines.Should().ContainSingle(l => l.Message.Contains(instanceId, StringComparison.Ordinal) && l.Message.Contains(callConnectionId, StringComparison.Ordinal),
                "one error log names the instance and the call");
            string message = lines.Single(l => l.Message.Contains(instanceId, StringComparison.Ordinal)).Message;
            foreach (string word in words)
            {
                message.Should().Contain(word);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await this.App.DisposeAsync();
            await this.Keys.DisposeAsync();
            await this.Emulator.DisposeAsync();
            await this.Azurite.DisposeAsync();
        }
    }
}
