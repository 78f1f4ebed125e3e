using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallFlows.LocalHost;
using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.DurableTask.Client;

namespace CallFlows.Tests.Engine;

/// <summary>
/// The local Durable Functions HTTP API, route by route against the "HTTP API reference" of Durable Functions and the
/// extension's HttpApiHandler: status codes, headers and JSON shapes.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DurableHttpApiParityTests(AzuriteFixture azurite)
{
    const string Api = "runtime/webhooks/durabletask/";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task StartRoute_PostWithAndWithoutId_Returns202CheckStatusPayload()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);

        using HttpResponseMessage started = await http.PostAsJsonAsync(Api + "orchestrators/" + GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 120), cts.Token);
        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        JsonElement payload = await started.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        string id = payload.GetProperty("id").GetString()!;
        string statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        started.Headers.Location!.ToString().Should().Be(statusUri);
        started.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(10));
        foreach (string key in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "restartPostUri", "suspendPostUri", "resumePostUri" })
        {
            payload.GetProperty(key).GetString().Should().StartWith(statusUri, key);
        }

        await EngineTests.WaitForCustomStatusAsync(host.Client, id, "waiting", cts.Token);
        OrchestrationMetadata? running = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cts.Token);
        running!.ReadInputAs<GreetingRequest>().Should().Be(new GreetingRequest("Ada", 120));

        using HttpResponseMessage named = await http.PostAsJsonAsync(Api + "orchestrators/" + GreetingFunctions.Orchestrator + "/call-42", new GreetingRequest("Bob", 120), cts.Token);
        named.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await named.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString().Should().Be("call-42");

        using HttpResponseMessage again = await http.PostAsJsonAsync(Api + "orchestrators/" + GreetingFunctions.Orchestrator + "/call-42", new GreetingRequest("Bob", 120), cts.Token);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "an instance with this id is still running");

        using HttpResponseMessage unknown = await http.PostAsJsonAsync(Api + "orchestrators/NoSuchFlow", new { }, cts.Token);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using var badJson = new StringContent("{not json", Encoding.UTF8, "application/json");
        using HttpResponseMessage bad = await http.PostAsync(Api + "orchestrators/" + GreetingFunctions.Orchestrator, badJson, cts.Token);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StatusApi_SuspendedInstance_Returns202WithLocation_AndRaiseEventRefusesTextPlain()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 120), cts.Token);
        await EngineTests.WaitForCustomStatusAsync(host.Client, id, "waiting", cts.Token);
        string status = Api + "instances/" + id;

        // raiseEvent: only application/json is taken; the instance is untouched by the refused request.
        using (var text = new StringContent("{\"By\":\"Grace\"}", Encoding.UTF8, "text/plain"))
        {
            (await http.PostAsync(status + "/raiseEvent/" + GreetingFunctions.EventName, text, cts.Token)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        using (var notJson = new StringContent("{oops", Encoding.UTF8, "application/json"))
        {
            (await http.PostAsync(status + "/raiseEvent/" + GreetingFunctions.EventName, notJson, cts.Token)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await host.Client.GetInstanceAsync(id, false, cts.Token))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Running);

        (await http.PostAsync(status + "/suspend?reason=maintenance", null, cts.Token)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await WaitForStatusAsync(host.Client, id, OrchestrationRuntimeStatus.Suspended, cts.Token);

        using (HttpResponseMessage suspended = await http.GetAsync(status, cts.Token))
        {
            suspended.StatusCode.Should().Be(HttpStatusCode.Accepted, "a suspended instance is not finished");
            suspended.Headers.Location!.ToString().Should().Be(new Uri(host.BaseAddress, status).ToString());
            suspended.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
            (await suspended.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("runtimeStatus").GetString().Should().Be("Suspended");
        }

        (await http.PostAsync(status + "/resume?reason=done", null, cts.Token)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await WaitForStatusAsync(host.Client, id, OrchestrationRuntimeStatus.Running, cts.Token);
        (await http.PostAsJsonAsync(status + "/raiseEvent/" + GreetingFunctions.EventName, new Approval("Grace"), cts.Token)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        OrchestrationMetadata done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        done.ReadOutputAs<GreetingResult>()!.Second.Should().Be("Hello Grace");

        (await http.PostAsJsonAsync(status + "/raiseEvent/" + GreetingFunctions.EventName, new Approval("Late"), cts.Token)).StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task StatusApi_ShowHistory_ReturnsDocumentedShape()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Ada +1555'x", 120), cts.Token);
        await EngineTests.WaitForCustomStatusAsync(host.Client, id, "waiting", cts.Token);
        await host.Client.RaiseEventAsync(id, GreetingFunctions.EventName, new Approval("Grace"), cts.Token);
        await host.Client.WaitForInstanceCompletionAsync(id, cts.Token);
        string status = Api + "instances/" + id;

        // Default: history without outputs, inputs shown.
        using (HttpResponseMessage r = await http.GetAsync(status + "?showHistory=true", cts.Token))
        {
            r.StatusCode.Should().Be(HttpStatusCode.OK);
            string raw = await r.Content.ReadAsStringAsync(cts.Token);
            raw.Should().Contain("Ada +1555'x", "replies are not escaped for HTML").And.NotContain("\\u002B").And.NotContain("\\u0027");
            JsonElement[] events = JsonDocument.Parse(raw).RootElement.GetProperty("historyEvents").EnumerateArray().ToArray();

            events.Select(e => e.GetProperty("EventType").GetString()).Should().Equal(
                "ExecutionStarted", "TaskCompleted", "TimerCreated", "EventRaised", "TaskCompleted", "ExecutionCompleted");
            events.Where(e => e.TryGetProperty("EventId", out _) || e.TryGetProperty("IsPlayed", out _)).Should().BeEmpty();
            events.Where(e => e.TryGetProperty("Result", out _)).Should().BeEmpty("results need showHistoryOutput=true");

            events[0].GetProperty("FunctionName").GetString().Should().Be(GreetingFunctions.Orchestrator);
            events[0].GetProperty("Input").GetProperty("Name").GetString().Should().Be("Ada +1555'x", "the input is JSON, not an escaped string");
            events[1].GetProperty("FunctionName").GetString().Should().Be(GreetingFunctions.Activity);
            DateTimeOffset.Parse(events[1].GetProperty("ScheduledTime").GetString()!, CultureInfo.InvariantCulture)
                .Should().BeOnOrBefore(DateTimeOffset.Parse(events[1].GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture));
            events[2].GetProperty("FireAt").GetString().Should().NotBeNullOrEmpty("the wait's timeout timer");
            events[3].GetProperty("Name").GetString().Should().Be(GreetingFunctions.EventName);
            events[3].GetProperty("Input").GetProperty("By").GetString().Should().Be("Grace");
            events[5].GetProperty("OrchestrationStatus").GetString().Should().Be("Completed");
        }

        using (HttpResponseMessage r = await http.GetAsync(status + "?showHistory=true&showHistoryOutput=true&showInput=false", cts.Token))
        {
            JsonElement body = await r.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            body.GetProperty("input").ValueKind.Should().Be(JsonValueKind.Null);
            JsonElement[] events = body.GetProperty("historyEvents").EnumerateArray().ToArray();
            events.Where(e => e.TryGetProperty("Input", out _)).Should().BeEmpty("showInput=false hides inputs in the history too");
            events[1].GetProperty("Result").GetString().Should().Be("Hello Ada +1555'x");
            events[4].GetProperty("Result").GetString().Should().Be("Hello Grace");
            events[5].GetProperty("Result").GetProperty("Second").GetString().Should().Be("Hello Grace", "the output is JSON, not an escaped string");
        }

        using (HttpResponseMessage r = await http.GetAsync(status, cts.Token))
        {
            JsonElement body = await r.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            body.TryGetProperty("historyEvents", out _).Should().BeFalse("history is only shown when asked for");
        }
    }

    [Fact]
    public async Task ListApi_ShowInputDefaultsToTrue_AndPurgeManyFollowsTheFilter()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);
        string from = DateTime.UtcNow.AddMinutes(-5).ToString("o", CultureInfo.InvariantCulture);

        string[] done = new string[2];
        for (int i = 0; i < done.Length; i++)
        {
            done[i] = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Done" + i, 0), cts.Token);
        }

        string running = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Waiting", 120), cts.Token);
        foreach (string id in done)
        {
            (await host.Client.WaitForInstanceCompletionAsync(id, cts.Token)).RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        }

        await EngineTests.WaitForCustomStatusAsync(host.Client, running, "waiting", cts.Token);

        JsonElement list = await http.GetFromJsonAsync<JsonElement>(Api + "instances", cts.Token);
        list.EnumerateArray().Should().HaveCount(3);
        list.EnumerateArray().Should().OnlyContain(i => i.GetProperty("input").ValueKind == JsonValueKind.Object, "showInput defaults to true");
        JsonElement hidden = await http.GetFromJsonAsync<JsonElement>(Api + "instances?showInput=false", cts.Token);
        hidden.EnumerateArray().Should().OnlyContain(i => i.GetProperty("input").ValueKind == JsonValueKind.Null);

        (await http.DeleteAsync(Api + "instances/" + running, cts.Token)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "a running instance cannot be purged");
        (await http.DeleteAsync(Api + "instances?runtimeStatus=Completed", cts.Token)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "createdTimeFrom is required");
        (await http.DeleteAsync(Api + "instances?createdTimeFrom=yesterday", cts.Token)).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        using (HttpResponseMessage purged = await http.DeleteAsync(Api + "instances?createdTimeFrom=" + Uri.EscapeDataString(from) + "&runtimeStatus=Completed,Failed", cts.Token))
        {
            purged.StatusCode.Should().Be(HttpStatusCode.OK);
            (await purged.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("instancesDeleted").GetInt32().Should().Be(2);
        }

        (await http.DeleteAsync(Api + "instances?createdTimeFrom=" + Uri.EscapeDataString(from) + "&runtimeStatus=Completed", cts.Token))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing left to purge");
        (await http.GetAsync(Api + "instances/" + done[0], cts.Token)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync(Api + "instances/" + running, cts.Token)).StatusCode.Should().Be(HttpStatusCode.Accepted, "the filter kept the running instance");
    }

    [Fact]
    public async Task RestartApi_CompletedInstance_StartsAgainWithSameInput()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 0), cts.Token);
        await host.Client.WaitForInstanceCompletionAsync(id, cts.Token);

        using HttpResponseMessage restarted = await http.PostAsync(Api + "instances/" + id + "/restart", null, cts.Token);
        restarted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        JsonElement payload = await restarted.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        string newId = payload.GetProperty("id").GetString()!;
        newId.Should().NotBe(id, "the extension restarts under a new instance id by default");
        restarted.Headers.Location!.ToString().Should().Be(payload.GetProperty("statusQueryGetUri").GetString());
        OrchestrationMetadata again = await host.Client.WaitForInstanceCompletionAsync(newId, getInputsAndOutputs: true, cts.Token);
        again.ReadInputAs<GreetingRequest>().Should().Be(new GreetingRequest("Ada", 0));
        again.ReadOutputAs<GreetingResult>()!.First.Should().Be("Hello Ada");

        using HttpResponseMessage sameId = await http.PostAsync(Api + "instances/" + id + "/restart?restartWithNewInstanceId=false", null, cts.Token);
        sameId.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await sameId.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString().Should().Be(id);

        string waiting = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Bob", 120), cts.Token);
        await EngineTests.WaitForCustomStatusAsync(host.Client, waiting, "waiting", cts.Token);
        (await http.PostAsync(Api + "instances/" + waiting + "/restart?restartWithNewInstanceId=false", null, cts.Token))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a running instance with this id exists");
        (await http.PostAsync(Api + "instances/nope/restart", null, cts.Token)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the extension answers 400 for an unknown instance");
    }

    [Fact]
    public async Task RewindApi_FailedInstance_ReRunsFailedActivityToCompletion()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);
        string key = Guid.NewGuid().ToString("N");

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(FailureFunctions.Rewindable, key, cts.Token);
        (await host.Client.WaitForInstanceCompletionAsync(id, cts.Token)).RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);

        string waiting = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Bob", 120), cts.Token);
        await EngineTests.WaitForCustomStatusAsync(host.Client, waiting, "waiting", cts.Token);
        (await http.PostAsync(Api + "instances/" + waiting + "/rewind?reason=x", null, cts.Token)).StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await http.PostAsync(Api + "instances/nope/rewind?reason=x", null, cts.Token)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        FailureFunctions.Healed[key] = true;
        (await http.PostAsync(Api + "instances/" + id + "/rewind?reason=fixed", null, cts.Token)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        OrchestrationMetadata done = await WaitForStatusAsync(host.Client, id, OrchestrationRuntimeStatus.Completed, cts.Token);
        done.ReadOutputAs<string>().Should().Be("healed " + key);
    }

    static async Task<OrchestrationMetadata> WaitForStatusAsync(DurableTaskClient client, string id, OrchestrationRuntimeStatus expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            OrchestrationMetadata? metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            if (metadata?.RuntimeStatus == expected)
            {
                return metadata;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
