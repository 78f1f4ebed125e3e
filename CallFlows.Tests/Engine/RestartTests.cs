using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.LocalHost.Azurite;
using CallFlows.Tests.Engine.SampleFunctions;
using Xunit.Abstractions;

namespace CallFlows.Tests.Engine;

[Collection(EngineCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class RestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task ServeProcess_KilledWhileWaitingForEvent_NewProcessResumesWithoutRerunningActivity()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        string taskHub = TestHosts.NewTaskHubName();
        string marker = Path.Combine(Path.GetTempPath(), "callflows-marker-" + Guid.NewGuid().ToString("N") + ".txt");
        using var http = new HttpClient();
        HostProcess? second = null;
        try
        {
            string statusUri;
            await using (HostProcess first = await HostProcess.StartAsync(azurite.ConnectionString, taskHub, AzuriteServer.GetFreePort(), cts.Token))
            {
                using HttpResponseMessage start = await http.PostAsJsonAsync(
                    new Uri(first.BaseAddress, "api/engine/durable"), new MarkerRequest(marker, "start"), cts.Token);
                start.StatusCode.Should().Be(HttpStatusCode.Accepted, first.Output);
                statusUri = (await start.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("statusQueryGetUri").GetString()!;

                while ((await GetStatusAsync(http, statusUri, cts.Token)).GetProperty("customStatus").ValueKind != JsonValueKind.String)
                {
                    await Task.Delay(100, cts.Token);
                }

                await first.KillAsync();
            }

            File.ReadAllLines(marker).Should().Equal("before");

            second = await HostProcess.StartAsync(azurite.ConnectionString, taskHub, AzuriteServer.GetFreePort(), cts.Token);
            string secondStatusUri = new Uri(second.BaseAddress, new Uri(statusUri).PathAndQuery.TrimStart('/')).ToString();
            var resumeClock = Stopwatch.StartNew();
            using (HttpResponseMessage raised = await http.PostAsJsonAsync(secondStatusUri + "/raiseEvent/" + DurableFunctions.EventName, "go", cts.Token))
            {
                raised.StatusCode.Should().Be(HttpStatusCode.Accepted, second.Output);
            }

            JsonElement done;
            while ((done = await GetStatusAsync(http, secondStatusUri, cts.Token)).GetProperty("runtimeStatus").GetString() is "Running" or "Pending")
            {
                await Task.Delay(200, cts.Token);
            }

            output.WriteLine($"completed {resumeClock.Elapsed.TotalSeconds:F1} s after the event was raised on the new process");
            done.GetProperty("runtimeStatus").GetString().Should().Be("Completed", second.Output);
            done.GetProperty("output").GetInt32().Should().Be(2);
            File.ReadAllLines(marker).Should().Equal("before", "after");
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            File.Delete(marker);
        }
    }

    static async Task<JsonElement> GetStatusAsync(HttpClient http, string uri, CancellationToken cancellationToken)
    {
        using HttpResponseMessage r = await http.GetAsync(uri, cancellationToken);
        r.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Accepted);
        return await r.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
