using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.LocalHost;
using CallFlows.LocalHost.Http;
using CallFlows.Tests.Engine.SampleFunctions;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class HttpApiTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HttpTrigger_StartsFlow_StatusApiFollowsItToCompletion()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);

        using HttpResponseMessage start = await http.PostAsync("api/engine/greetings/Ada", content: null, cts.Token);
        start.StatusCode.Should().Be(HttpStatusCode.Accepted);
        JsonElement payload = await start.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
        string id = payload.GetProperty("id").GetString()!;
        string statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        statusUri.Should().Be(new Uri(host.BaseAddress, "runtime/webhooks/durabletask/instances/" + id).ToString());
        start.Headers.Location!.ToString().Should().Be(statusUri);
        foreach (string key in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "suspendPostUri", "resumePostUri" })
        {
            payload.GetProperty(key).GetString().Should().StartWith(statusUri);
        }

        // Running: 202 with the Durable Functions shape.
        JsonElement running = default;
        while (true)
        {
            using HttpResponseMessage r = await http.GetAsync(statusUri, cts.Token);
            r.StatusCode.Should().Be(HttpStatusCode.Accepted);
            running = await r.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            if (running.GetProperty("customStatus").ValueKind == JsonValueKind.Object)
            {
                break;
            }

            await Task.Delay(100, cts.Token);
        }

        running.GetProperty("runtimeStatus").GetString().Should().Be("Running");
        running.GetProperty("name").GetString().Should().Be(GreetingFunctions.Orchestrator);
        running.GetProperty("instanceId").GetString().Should().Be(id);
        running.GetProperty("customStatus").GetProperty("stage").GetString().Should().Be("waiting");
        running.GetProperty("input").GetProperty("Name").GetString().Should().Be("Ada");
        running.GetProperty("output").ValueKind.Should().Be(JsonValueKind.Null);

        string raiseUri = payload.GetProperty("sendEventPostUri").GetString()!.Replace("{eventName}", GreetingFunctions.EventName, StringComparison.Ordinal);
        using (HttpResponseMessage raised = await http.PostAsJsonAsync(raiseUri, new { By = "Grace" }, cts.Token))
        {
            raised.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        JsonElement done;
        while (true)
        {
            using HttpResponseMessage r = await http.GetAsync(statusUri, cts.Token);
            done = await r.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            if (r.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            r.StatusCode.Should().Be(HttpStatusCode.Accepted);
            await Task.Delay(100, cts.Token);
        }

        done.GetProperty("runtimeStatus").GetString().Should().Be("Completed");
        done.GetProperty("customStatus").GetProperty("stage").GetString().Should().Be("done");
        done.GetProperty("output").GetProperty("First").GetString().Should().Be("Hello Ada");
        done.GetProperty("output").GetProperty("Second").GetString().Should().Be("Hello Grace");
        DateTimeOffset.Parse(done.GetProperty("createdTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        done.GetProperty("lastUpdatedTime").GetString().Should().NotBeNullOrEmpty();

        using (HttpResponseMessage withHistory = await http.GetAsync(statusUri + "?showHistory=true&showInput=false", cts.Token))
        {
            JsonElement body = await withHistory.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            body.GetProperty("historyEvents").GetArrayLength().Should().BeGreaterThan(3);
            body.GetProperty("input").ValueKind.Should().Be(JsonValueKind.Null);
        }

        using (HttpResponseMessage list = await http.GetAsync("runtime/webhooks/durabletask/instances?runtimeStatus=Completed&top=50", cts.Token))
        {
            list.StatusCode.Should().Be(HttpStatusCode.OK);
            JsonElement items = await list.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            items.EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()).Should().Contain(id);
        }

        using (HttpResponseMessage late = await http.PostAsJsonAsync(raiseUri, new { By = "Late" }, cts.Token))
        {
            late.StatusCode.Should().Be(HttpStatusCode.Gone);
        }

        using (HttpResponseMessage purge = await http.DeleteAsync(statusUri, cts.Token))
        {
            purge.StatusCode.Should().Be(HttpStatusCode.OK);
            (await purge.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("instancesDeleted").GetInt32().Should().Be(1);
        }

        using (HttpResponseMessage gone = await http.GetAsync(statusUri, cts.Token))
        {
            gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task StatusApi_UnknownInstanceOrRoute_Returns404()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        (await http.GetAsync("runtime/webhooks/durabletask/instances/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.PostAsync("runtime/webhooks/durabletask/instances/nope/raiseEvent/x", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.PostAsync("runtime/webhooks/durabletask/instances/nope/terminate?reason=x", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.DeleteAsync("runtime/webhooks/durabletask/instances/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync("api/no/such/route")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await http.GetAsync("api/engine/greetings/Ada")).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed, "the function declares POST only");
        (await http.GetAsync("runtime/webhooks/durabletask/instances?runtimeStatus=Bogus")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HttpTrigger_FunctionThrows_Returns500AndHostKeepsServing()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        (await http.GetAsync("api/engine/boom")).StatusCode.Should().Be(HttpStatusCode.InternalServerError);

        using HttpResponseMessage echo = await http.PostAsJsonAsync("api/engine/echo/5", new { By = "Grace" });
        echo.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonElement body = await echo.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("id").GetInt32().Should().Be(5);
        body.GetProperty("by").GetString().Should().Be("Grace");

        using var badJson = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("api/engine/echo/5", badJson)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await http.PostAsJsonAsync("api/engine/echo/abc", new { By = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound, "{id:int} does not match");
    }

    [Fact]
    public async Task TerminateApi_RunningInstance_TerminatesThenGone()
    {
        await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var cts = new CancellationTokenSource(Timeout);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingFunctions.Orchestrator, new GreetingRequest("Ada", 120), cts.Token);
        await EngineTests.WaitForCustomStatusAsync(host.Client, id, "waiting", cts.Token);
        var payload = DurableHttpManagementPayload.Create(host.BaseAddress, id);

        using (HttpResponseMessage terminate = await http.PostAsync(payload.TerminatePostUri.Replace("{text}", "caller%20hung%20up", StringComparison.Ordinal), null, cts.Token))
        {
            terminate.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        done.RuntimeStatus.Should().Be(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Terminated);

        using HttpResponseMessage again = await http.PostAsync(payload.TerminatePostUri.Replace("{text}", "x", StringComparison.Ordinal), null, cts.Token);
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task HttpTrigger_HostJsonRoutePrefix_MapsUnderThatPrefix()
    {
        string hostJson = Path.Combine(Path.GetTempPath(), "callflows-host-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(hostJson, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "calls" } } }""");
        try
        {
            await using LocalFunctionsHost host = await TestHosts.StartAsync(azurite, o => o.HostJsonPath = hostJson);
            using var http = new HttpClient { BaseAddress = host.BaseAddress };

            (await http.PostAsJsonAsync("calls/engine/echo/7", new { By = "x" })).StatusCode.Should().Be(HttpStatusCode.OK);
            (await http.PostAsJsonAsync("api/engine/echo/7", new { By = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(hostJson);
        }
    }
}
