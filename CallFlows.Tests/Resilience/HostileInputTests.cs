using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using CallFlows.Tests.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// Every entry of <c>hostile-corpus.json</c> against the running app (local host + emulator, callback JWTs validated):
/// each answered with its stated status and logged, the host still healthy afterwards, and a live call untouched
/// (same status before and after, no new orchestration) and still ending normally.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    const string LiveCaller = "+15550009999";

    // The callback URL signing key configured for the app: the test computes URL proofs with it independently.
    const string SigningKey = "hostile-corpus-callback-signing-key-0123456789";

    [Fact]
    public async Task Corpus_EveryEntry_AnsweredWithItsStatusLoggedAndLiveCallUnchanged()
    {
        List<HostileRequest> corpus = LoadCorpus();
        corpus.Should().HaveCountGreaterThanOrEqualTo(50);

        await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
            new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true });
        var clock = new ShiftedTimeProvider();
        var emulatorOptions = new AcsEmulatorOptions { TimeProvider = clock };
        foreach (string number in DemoWorld.OwnedNumbers.Where(n => !emulatorOptions.OwnedPhoneNumbers.Contains(n)))
        {
            emulatorOptions.OwnedPhoneNumbers.Add(number);
        }

        await using AcsEmulator emulator = await AcsEmulator.StartAsync(emulatorOptions);
        DemoWorld.Configure(emulator);
        await using TrustedKeysServer keys = await TrustedKeysServer.StartAsync(new Uri(emulator.Endpoint, "calling/keys"));
        var logs = new LogCapture();
        var appOptions = new CallFlowsLocalAppOptions
        {
            ExternalEmulator = emulator.Endpoint,
            StorageConnectionString = azurite.ConnectionString,
            TaskHubName = "hostile" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
            MinimumLogLevel = LogLevel.Information,
            ConfigureServices = (services, _) => services.AddSingleton<ILoggerProvider>(logs),
        };
        appOptions.Configuration["CallFlows:CallbackAuth:OpenIdConfigurationUrl"] = keys.ConfigurationUrl.AbsoluteUri;
        appOptions.Configuration["CallFlows:CallbackSigning:Keys:0"] = SigningKey;
        await using CallFlowsLocalApp app = await CallFlowsLocalApp.StartAsync(appOptions);

        string emulatorExpiredToken = await CaptureExpiredEmulatorTokenAsync(emulator, clock, keys);

        // The live call: a caller who stays on the line with the agent until the test hangs up.
        emulator.World.Configure(LiveCaller, IdentityBehavior.Answers());
        IncomingCallSnapshot placed = await emulator.PlaceIncomingCallAsync(LiveCaller, DemoWorld.AgentAnswersNumber);
        string live = CallFlowsLocalApp.InstanceIdFor(placed.ServerCallId, placed.To);
        string before = await WaitForSteadyStatusAsync(app.Client, live);
        before.Should().Contain("\"runtimeStatus\":\"Running\"");
        int instancesBefore = await CountInstancesAsync(app);
        DeliveryRecord liveDelivery = emulator.EventLog.Entries.First(r => r.Channel == DeliveryChannel.EventGrid && r.EventId == placed.EventId);
        string liveConnection = emulator.Calls.Single(c => c.CallbackUri.AbsolutePath.EndsWith("/" + live, StringComparison.Ordinal)).CallConnectionId;

        string? afterOthers = null;
        string? flowStatusBefore = null;
        var failures = new List<string>();
        // Self-events raised into the live call go last: the Durable Functions history keeps every raised event, so the
        // call view's history timeline shows them even though the flow ignores them. They are checked against the
        // flow's own state (its custom status) instead, after the byte-for-byte comparison of the others.
        static bool IsLiveSelfEvent(HostileRequest e) => e.Path.Contains("{live}/raiseEvent/", StringComparison.Ordinal);
        foreach (HostileRequest entry in corpus.Where(e => !IsLiveSelfEvent(e)).Concat(corpus.Where(IsLiveSelfEvent)))
        {
            if (IsLiveSelfEvent(entry) && afterOthers is null)
            {
                afterOthers = await GetStatusTextAsync(app.Client, live);
                flowStatusBefore = await GetFlowStatusAsync(app.Client, live);
            }

            int logCount = logs.Count;
            using HttpRequestMessage request = Build(entry, live, liveConnection, liveDelivery, app.ResourceId, keys, emulatorExpiredToken);
            int status;
            try
            {
                using HttpResponseMessage response = await app.Client.SendAsync(request);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"{entry}: no HTTP answer ({ex.Message})");
                continue;
            }

            bool logged = await WaitForLogAsync(logs, logCount);
            output.WriteLine($"{status} (expected {entry.Expect}){(logged ? " logged" : " NOT LOGGED")}  {entry.Name}");
            if (status != entry.Expect)
            {
                failures.Add($"{entry}: answered {status}, expected {entry.Expect} ({entry.Why})");
            }

            // Every request the app's code handles must leave a log line. 405s are answered by the host's router before
            // any app code runs, and /runtime/webhooks/durabletask is the Durable extension's API (in Azure the
            // Functions host logs both); they are reported in the output, not asserted.
            if (!logged && entry.Path.StartsWith("/api/", StringComparison.Ordinal) && status != 405)
            {
                failures.Add($"{entry}: no log line");
            }
        }

        using (HttpResponseMessage health = await app.Client.GetAsync(new Uri("admin/host/status", UriKind.Relative)))
        {
            health.StatusCode.Should().Be(HttpStatusCode.OK, "the host must survive the corpus");
        }

        (afterOthers ?? await GetStatusTextAsync(app.Client, live)).Should().Be(before, "no bad request may change the live call");
        // Malformed self-events are logged and ignored: the flow's own state is unchanged.
        await Task.Delay(1000);
        (await GetFlowStatusAsync(app.Client, live)).Should().Be(flowStatusBefore ?? await GetFlowStatusAsync(app.Client, live),
            "a malformed self-event is ignored by the flow");
        (await CountInstancesAsync(app)).Should().Be(instancesBefore, "no bad request may start an orchestration");
        failures.Should().BeEmpty();

        // The live call still ends normally: the caller hangs up, the flow ends the call with its usual outcome.
        CallSnapshot connection = emulator.Calls.Single(c => c.CallbackUri.AbsolutePath.EndsWith("/" + live, StringComparison.Ordinal));
        emulator.HangUpParticipant(connection.CallConnectionId, "4:" + LiveCaller);
        JsonElement final = await WaitForFinishAsync(app.Client, live);
        final.GetProperty("runtimeStatus").GetString().Should().Be("Completed");
        final.GetProperty("outcome").GetProperty("result").GetString().Should().Be(nameof(InboundRoutingFlowResult.AgentConnected));
    }

    internal static List<HostileRequest> LoadCorpus([CallerFilePath] string here = "") =>
        JsonSerializer.Deserialize<List<HostileRequest>>(
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "hostile-corpus.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    static HttpRequestMessage Build(HostileRequest entry, string live, string liveConnection, DeliveryRecord liveDelivery, string resourceId, TrustedKeysServer keys, string emulatorExpired)
    {
        string path = entry.Path.Replace("{live}", live, StringComparison.Ordinal).Replace("{long}", new string('a', 1000), StringComparison.Ordinal);
        // {sig}: the URL proof of the id in the path (as the app hands it to ACS); {othersig}: another call's proof.
        string pathId = Uri.UnescapeDataString(path.Split('?')[0].Split('/')[^1]);
        path = path.Replace("{sig}", CallFlows.Tests.Security.CallbackUrlProof.For(SigningKey, pathId), StringComparison.Ordinal)
            .Replace("{othersig}", CallFlows.Tests.Security.CallbackUrlProof.For(SigningKey, "in-another-call"), StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(entry.Method), new Uri(path.TrimStart('/'), UriKind.Relative));
        string? body = entry.Generate is { } generate ? Generate(generate) : entry.Body;
        if (body == "{liveIncomingCallDelivery}")
        {
            // The delivery log keeps the event's data: rebuild the Event Grid event exactly as it was delivered.
            JsonNode evt = liveDelivery.Data.ContainsKey("eventType")
                ? liveDelivery.Data.DeepClone()
                : new JsonObject
                {
                    ["id"] = liveDelivery.EventId,
                    ["topic"] = "/subscriptions/emulator/resourceGroups/emulator/providers/Microsoft.Communication/communicationServices/acs-emulator",
                    ["subject"] = "incomingCall",
                    ["eventType"] = liveDelivery.EventType,
                    ["eventTime"] = liveDelivery.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["dataVersion"] = "1.0",
                    ["data"] = liveDelivery.Data.DeepClone(),
                };
            body = new JsonArray(evt).ToJsonString();
        }

        body = body?.Replace("{liveConnection}", liveConnection, StringComparison.Ordinal).Replace("{live}", live, StringComparison.Ordinal);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = entry.ContentType == string.Empty ? null : new MediaTypeHeaderValue(entry.ContentType ?? "application/json");
        }

        string? token = entry.Token switch
        {
            null => null,
            "emulator-expired" => emulatorExpired,
            string kind => keys.Mint(kind, resourceId),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        foreach ((string name, string value) in entry.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (path.StartsWith("/api/incoming-call", StringComparison.Ordinal) && entry.Method == "POST")
        {
            request.Headers.TryAddWithoutValidation("aeg-event-type", "Notification");
        }

        return request;
    }

    static string Generate(string spec)
    {
        string[] parts = spec.Split(':');
        int n = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        switch (parts[0])
        {
            case "garbage":
                return new string('x', n * 1024 * 1024);
            case "deep":
                return new string('[', n) + new string(']', n);
            case "event-array":
                const string one = "{\"id\":\"e\",\"eventType\":\"Microsoft.Communication.IncomingCall\",\"subject\":\"s\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"dataVersion\":\"1.0\",\"data\":{\"padding\":\"0123456789012345678901234567890123456789\"}}";
                var text = new StringBuilder("[");
                while (text.Length < n * 1024 * 1024)
                {
                    text.Append(one).Append(',');
                }

                text.Append(one).Append(']');
                return text.ToString();
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec, "unknown generator");
        }
    }

    /// <summary>A callback token really signed by the emulator, but expired: issued while the emulator's clock ran 10 minutes behind.</summary>
    static async Task<string> CaptureExpiredEmulatorTokenAsync(AcsEmulator emulator, ShiftedTimeProvider clock, TrustedKeysServer keys)
    {
        using var raw = new RawCallingClient(emulator);
        string callee = DemoWorld.AcsCallee(emulator.ResourceId.ToString());
        clock.Offset = TimeSpan.FromMinutes(-10);
        try
        {
            RawResponse created = await raw.PostAsync("calling/callConnections", new JsonObject
            {
                ["targets"] = new JsonArray(new JsonObject { ["kind"] = "communicationUser", ["rawId"] = callee, ["communicationUser"] = new JsonObject { ["id"] = callee } }),
                ["callbackUri"] = keys.CaptureUrl.AbsoluteUri,
            });
            created.Status.Should().Be(201, created.ToString());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (keys.CapturedTokens.IsEmpty)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
        finally
        {
            clock.Offset = TimeSpan.Zero;
        }

        keys.CapturedTokens.TryPeek(out string? header).Should().BeTrue();
        return header!["Bearer ".Length..];
    }

    static async Task<string> GetStatusTextAsync(HttpClient client, string instanceId)
    {
        JsonObject status = (await client.GetFromJsonAsync<JsonObject>(new Uri("api/calls/" + instanceId, UriKind.Relative)))!;
        status.Remove("lastUpdatedAt");
        return status.ToJsonString();
    }

    static async Task<string> GetFlowStatusAsync(HttpClient client, string instanceId)
    {
        JsonObject status = (await client.GetFromJsonAsync<JsonObject>(new Uri("api/calls/" + instanceId, UriKind.Relative)))!;
        return status["status"]?.ToJsonString() ?? string.Empty;
    }

    static async Task<string> WaitForSteadyStatusAsync(HttpClient client, string instanceId)
    {
        // Steady = the agent joined and nothing changed for 3 s (roster updates have settled).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string last = string.Empty;
        DateTime since = DateTime.UtcNow;
        while (true)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("api/calls/" + instanceId, UriKind.Relative), timeout.Token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                string text = await GetStatusTextAsync(client, instanceId);
                if (text != last)
                {
                    last = text;
                    since = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - since > TimeSpan.FromSeconds(3) && text.Contains("demo-agent", StringComparison.Ordinal))
                {
                    return text;
                }
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    static async Task<JsonElement> WaitForFinishAsync(HttpClient client, string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            JsonElement status = await client.GetFromJsonAsync<JsonElement>(new Uri("api/calls/" + instanceId, UriKind.Relative), timeout.Token);
            if (status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated")
            {
                return status;
            }

            await Task.Delay(250, timeout.Token);
        }
    }

    static async Task<bool> WaitForLogAsync(LogCapture logs, int before)
    {
        for (int i = 0; i < 20 && logs.Count == before; i++)
        {
            await Task.Delay(25);
        }

        return logs.Count > before;
    }

    static async Task<int> CountInstancesAsync(CallFlowsLocalApp app)
    {
        int count = 0;
        await foreach (var _ in app.DurableClient.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery()))
        {
            count++;
        }

        return count;
    }
}
