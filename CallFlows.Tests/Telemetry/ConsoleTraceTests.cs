using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using CallFlows.Testing.Processes;

namespace CallFlows.Tests.Telemetry;

/// <summary>
/// What an operator sees locally: <c>CallFlows.LocalHost start --trace-console</c> as its own process, three calls
/// (two through Event Grid, one through <c>POST /api/calls</c>), and the spans its console exporter printed: one trace
/// per call, each one tree under its root span, no span of one call in another's trace.
/// </summary>
public sealed partial class ConsoleTraceTests
{
    [Fact]
    [Trait(TestCategory.Name, TestCategory.Slow)]
    public async Task StartWithTraceConsole_PrintsOneTreePerCall()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        int port = AzuriteServer.GetFreePort();
        int emulatorPort = AzuriteServer.GetFreePort();
        await using ChildProcess host = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "CallFlows.LocalHost.dll"),
        [
            "start", "--in-memory", "--trace-console", "--log-level", "Warning",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--emulator-port", emulatorPort.ToString(CultureInfo.InvariantCulture),
        ]);
        await host.WaitForLineAsync(l => l.StartsWith("CallFlows is running.", StringComparison.Ordinal), cts.Token);
        using var http = new HttpClient();
        var app = new Uri($"http://127.0.0.1:{port}/");
        var emulator = new Uri($"http://127.0.0.1:{emulatorPort}/");

        string[] ids =
        [
            await PlaceAsync(http, emulator, DemoWorld.DemoCallerNumber, DemoWorld.AgentAnswersNumber, cts.Token),
            await PlaceAsync(http, emulator, "+15550001001", DemoWorld.AgentBusyNumber, cts.Token),
            await StartOutboundAsync(http, app, cts.Token),
        ];
        foreach (string id in ids)
        {
            await WaitForCompletionAsync(http, app, id, cts.Token);
        }

        // The flow span is the last span of a call; the exporter prints it when it ends.
        foreach (string id in ids)
        {
            await host.WaitForLineAsync(l => l.Contains("callflows.instance_id: " + id, StringComparison.Ordinal)
                && Spans(host.Output).Any(s => s.InstanceId == id && s.Name.StartsWith("CallFlows.Flow ", StringComparison.Ordinal)), cts.Token);
        }

        List<PrintedSpan> spans = Spans(host.Output);
        var traces = spans.GroupBy(s => s.TraceId).ToList();
        traces.Should().HaveCount(ids.Length, "one trace per call:\n" + host.Output);
        foreach (var trace in traces)
        {
            var instanceIds = trace.Select(s => s.InstanceId).OfType<string>().Distinct().ToList();
            instanceIds.Should().ContainSingle("a trace holds one call's spans").Which.Should().BeOneOf(ids);
            var root = trace.Should().ContainSingle(s => s.ParentSpanId == null, $"the trace of {instanceIds[0]} has one root").Subject;
            root.Name.Should().BeOneOf("CallFlows.IncomingCall", "CallFlows.StartCall");
            var spanIds = trace.Select(s => s.SpanId).ToHashSet();
            trace.Where(s => s != root).Should().OnlyContain(s => spanIds.Contains(s.ParentSpanId!), $"every span of {instanceIds[0]} hangs under its root");
            trace.Should().Contain(s => s.Name.StartsWith("CallFlows.Action ", StringComparison.Ordinal))
                .And.Contain(s => s.Name.StartsWith("CallFlows.Callback ", StringComparison.Ordinal))
                .And.ContainSingle(s => s.Name.StartsWith("CallFlows.Flow ", StringComparison.Ordinal));
        }
    }

    static async Task<string> PlaceAsync(HttpClient http, Uri emulator, string from, string to, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync(new Uri(emulator, "emulator/incoming-calls"), new { from, to }, cancellationToken);
        JsonElement placed = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.Created, placed.ToString());
        return placed.GetProperty("links").GetProperty("instanceId").GetString()!;
    }

    static async Task<string> StartOutboundAsync(HttpClient http, Uri app, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await http.PostAsJsonAsync(new Uri(app, "api/calls"),
            new { flow = "OutboundCall", targets = new[] { "4:+15550102000" }, callerId = "4:" + DemoWorld.AgentAnswersNumber }, cancellationToken);
        JsonElement started = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, started.ToString());
        return started.GetProperty("id").GetString()!;
    }

    static async Task WaitForCompletionAsync(HttpClient http, Uri app, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonElement status = await http.GetFromJsonAsync<JsonElement>(new Uri(app, "api/calls/" + id), cancellationToken);
            if (status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated")
            {
                status.GetProperty("runtimeStatus").GetString().Should().Be("Completed", status.ToString());
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>The spans of the console exporter's output (its <c>Activity.*</c> blocks).</summary>
    static List<PrintedSpan> Spans(string output)
    {
        var spans = new List<PrintedSpan>();
        foreach (string block in SpanStart().Split(output).Skip(1))
        {
            string? Field(Regex pattern) => pattern.Match(block) is { Success: true } m ? m.Groups[1].Value : null;
            spans.Add(new PrintedSpan(
                Field(TraceIdField())!, Field(SpanIdField())!, Field(ParentSpanIdField()), Field(DisplayNameField()) ?? string.Empty, Field(InstanceIdField())));
        }

        return spans;
    }

    [GeneratedRegex(@"^(?=Activity\.TraceId:)", RegexOptions.Multiline)]
    private static partial Regex SpanStart();

    [GeneratedRegex(@"^Activity\.TraceId:\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TraceIdField();

    [GeneratedRegex(@"^Activity\.SpanId:\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex SpanIdField();

    [GeneratedRegex(@"^Activity\.ParentSpanId:\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex ParentSpanIdField();

    [GeneratedRegex(@"^Activity\.DisplayName:\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex DisplayNameField();

    [GeneratedRegex(@"callflows\.instance_id:\s+(\S+)")]
    private static partial Regex InstanceIdField();

    sealed record PrintedSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, string? InstanceId);
}
