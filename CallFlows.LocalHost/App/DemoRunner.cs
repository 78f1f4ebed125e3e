using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using CallFlows.Functions.Flows;

namespace CallFlows.LocalHost.App;

/// <summary>
/// Places the demo's sample calls through the shipped flows on a running <see cref="CallFlowsLocalApp"/> (all at
/// once, each with its own numbers), follows each through <c>GET /api/calls/{id}</c> and prints its timeline and
/// outcome.
/// </summary>
public static class DemoRunner
{
    /// <summary>Gets the demo's scenarios.</summary>
    public static IReadOnlyList<DemoScenario> Scenarios { get; } =
    [
        Inbound("Inbound call reaches an agent (caller hangs up after 12 s)", DemoWorld.DemoCallerNumber, DemoWorld.AgentAnswersNumber,
            nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected)),
        Inbound("Agent declines: fallback transfer with custom headers", "+15550001001", DemoWorld.AgentDeclinesNumber,
            nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.TransferredToFallback)),
        Inbound("Agent is busy: the flow hangs up", "+15550001002", DemoWorld.AgentBusyNumber,
            nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.HungUpNoAgent)),
        Inbound("Agent does not answer (2 s invitation timeout)", "+15550001003", DemoWorld.AgentNoAnswerNumber,
            nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.HungUpNoAgent)),
        Outbound("Outbound PSTN call with caller id", new
        {
            flow = "OutboundCall", targets = new[] { "4:" + DemoWorld.PstnCalleeNumber }, callerId = "4:" + DemoWorld.AgentAnswersNumber,
            displayName = "CallFlows demo",
        }, nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp)),
        Outbound("Outbound call to an ACS user", resourceId => new
        {
            flow = "OutboundCall", targets = new[] { DemoWorld.AcsCallee(resourceId) },
        }, nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp)),
        Outbound("Group call: a phone and an ACS user", resourceId => new
        {
            flow = "GroupCall", targets = new[] { "4:" + DemoWorld.PstnCallee2Number, DemoWorld.AcsCallee(resourceId) },
            callerId = "4:" + DemoWorld.AgentAnswersNumber, maxDurationSeconds = 20,
        }, nameof(GroupCallFlow), nameof(GroupCallFlowResult.EndedByParticipants)),
        Outbound("Connect to a room, leave after 2 s", new
        {
            flow = "ConnectCall", locator = new { kind = "room", id = DemoWorld.DemoRoomId }, maxDurationSeconds = 2,
        }, nameof(ConnectCallFlow), nameof(ConnectCallFlowResult.LeftAtMaxDuration)),
        Inbound("Routing rule rejects the call", "+15550001004", DemoWorld.RejectedNumber,
            nameof(RejectCallFlow), nameof(RoutedCallResult.Rejected)),
        Inbound("Routing rule redirects the call", "+15550001005", DemoWorld.RedirectedNumber,
            nameof(RedirectCallFlow), nameof(RoutedCallResult.Redirected)),
        Inbound("IVR: caller presses 1 on hold music, sales answers, the call is recorded", DemoWorld.IvrSalesCallerNumber, DemoWorld.IvrNumber,
            nameof(IvrFlow), nameof(IvrResult.AgentConnected)),
        Inbound("IVR: silence, then 2; support declines, the caller leaves a message", DemoWorld.IvrVoicemailCallerNumber, DemoWorld.IvrNumber,
            nameof(IvrFlow), nameof(IvrResult.Voicemail)),
    ];

    /// <summary>Runs every scenario at once and prints the report.</summary>
    /// <param name="app">A running app with an in-process emulator configured by <see cref="DemoWorld.Configure"/>.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="callTimeout">How long one call may take. Default 45 s.</param>
    /// <param name="cancellationToken">Cancels the demo.</param>
    /// <returns>One report per scenario, in scenario order.</returns>
    public static async Task<IReadOnlyList<DemoCallReport>> RunAsync(
        CallFlowsLocalApp app, TextWriter output, TimeSpan? callTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        var stopwatch = Stopwatch.StartNew();
        DemoCallReport[] reports = await Task.WhenAll(
            Scenarios.Select(s => RunOneAsync(app, s, callTimeout ?? TimeSpan.FromSeconds(45), cancellationToken)));
        for (int i = 0; i < reports.Length; i++)
        {
            Print(output, i + 1, reports.Length, reports[i]);
        }

        int passed = reports.Count(r => r.Passed);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{passed}/{reports.Length} calls ended with their expected outcome in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
        return reports;
    }

    static async Task<DemoCallReport> RunOneAsync(CallFlowsLocalApp app, DemoScenario scenario, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string? instanceId = null;
        CallStatusResponse? status = null;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            instanceId = await scenario.PlaceAsync(app, cts.Token);
            while (true)
            {
                using HttpResponseMessage response = await app.Client.GetAsync("api/calls/" + Uri.EscapeDataString(instanceId), cts.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    status = await response.Content.ReadFromJsonAsync<CallStatusResponse>(JsonHttpResult.SerializerOptions, cts.Token);
                    if (status?.RuntimeStatus is "Completed" or "Failed" or "Terminated")
                    {
                        return new DemoCallReport(scenario, instanceId, status, null);
                    }
                }
                else if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    return new DemoCallReport(scenario, instanceId, status, $"GET /api/calls/{instanceId} answered {(int)response.StatusCode}.");
                }

                await Task.Delay(250, cts.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DemoCallReport(scenario, instanceId, status,
                string.Create(CultureInfo.InvariantCulture, $"Not finished after {timeout.TotalSeconds:0} s (last status {status?.RuntimeStatus ?? "none"})."));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or ArgumentException)
        {
            return new DemoCallReport(scenario, instanceId, status, ex.Message);
        }
    }

    static void Print(TextWriter output, int index, int count, DemoCallReport report)
    {
        output.WriteLine();
        output.WriteLine($"[{index}/{count}] {report.Scenario.Title}");
        output.WriteLine($"      flow {report.Status?.Flow ?? report.Scenario.ExpectedFlow}, instance {report.InstanceId ?? "-"}");
        foreach ((long ms, string kind, string name, string? detail) in report.Timeline)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {ms,6} ms  {kind,-6}  {name,-28} {detail}"));
        }

        CallFlowOutcome? outcome = report.Status?.Outcome;
        string verdict = report.Passed ? "OK" : "UNEXPECTED";
        if (outcome is not null)
        {
            output.WriteLine($"      outcome: {outcome.Result} ({(outcome.Succeeded ? "succeeded" : "not succeeded")}) {outcome.Detail}");
        }

        if (report.Status?.Failure is { } failure)
        {
            output.WriteLine($"      failure: {failure}");
        }

        if (report.Error is { } error)
        {
            output.WriteLine($"      error: {error}");
        }

        output.WriteLine($"      expected {report.Scenario.ExpectedResult}: {verdict}");
    }

    static DemoScenario Inbound(string title, string from, string to, string flow, string result) => new(title, flow, result, async (app, ct) =>
    {
        var emulator = app.Emulator ?? throw new InvalidOperationException("The demo places inbound calls through an in-process emulator.");
        var call = await emulator.PlaceIncomingCallAsync(from, to, cancellationToken: ct);
        return CallFlowsLocalApp.InstanceIdFor(call.ServerCallId, call.To);
    });

    static DemoScenario Outbound(string title, object body, string flow, string result) => Outbound(title, _ => body, flow, result);

    static DemoScenario Outbound(string title, Func<string, object> body, string flow, string result) => new(title, flow, result, async (app, ct) =>
    {
        using HttpResponseMessage response = await app.Client.PostAsJsonAsync("api/calls", body(app.ResourceId), ct);
        string text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/calls answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString() ?? throw new InvalidOperationException("POST /api/calls returned no instance id.");
    });
}
