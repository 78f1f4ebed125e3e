using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;

namespace CallFlows.Tests.EndToEnd;

/// <summary>Places calls on a running app and follows them to their end over real HTTP.</summary>
internal static class EndToEndHarness
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<(IncomingCallSnapshot Call, string InstanceId)> PlaceInboundAsync(CallFlowsLocalApp app, string from, string to)
    {
        IncomingCallSnapshot call = await app.Emulator!.PlaceIncomingCallAsync(from, to);
        return (call, CallFlowsLocalApp.InstanceIdFor(call.ServerCallId, call.To));
    }

    public static async Task<string> StartOutboundAsync(CallFlowsLocalApp app, object body)
    {
        using HttpResponseMessage response = await app.Client.PostAsJsonAsync("api/calls", body);
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, text);
        using var json = JsonDocument.Parse(text);
        string id = json.RootElement.GetProperty("id").GetString()!;
        json.RootElement.GetProperty("statusQueryGetUri").GetString().Should().EndWith("/runtime/webhooks/durabletask/instances/" + id);
        response.Headers.Location.Should().NotBeNull();
        return id;
    }

    /// <summary>Polls <c>GET /api/calls/{id}</c> until the instance is Completed, Failed or Terminated.</summary>
    public static async Task<CallStatusResponse> WaitForEndAsync(CallFlowsLocalApp app, string instanceId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? CallTimeout);
        CallStatusResponse? last = null;
        while (true)
        {
            try
            {
                using HttpResponseMessage response = await app.Client.GetAsync("api/calls/" + instanceId, cts.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    last = await response.Content.ReadFromJsonAsync<CallStatusResponse>(JsonHttpResult.SerializerOptions, cts.Token);
                    if (last?.RuntimeStatus is "Completed" or "Failed" or "Terminated")
                    {
                        return last;
                    }
                }

                await Task.Delay(200, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Instance {instanceId} did not end within {(timeout ?? CallTimeout).TotalSeconds} s; last status: {Describe(last)}");
            }
        }
    }

    /// <summary>Waits for the flow's end and collects the emulator's requests of that call.</summary>
    public static async Task<FlowCall> FinishAsync(CallFlowsLocalApp app, string instanceId, IncomingCallSnapshot? incoming = null)
    {
        CallStatusResponse status = await WaitForEndAsync(app, instanceId);
        status.RuntimeStatus.Should().Be("Completed", status.Failure);
        return new FlowCall(instanceId, status, RequestsOf(app.Emulator!, status.Outcome?.CallConnectionId ?? status.Status?.CallConnectionId, incoming));
    }

    public static IReadOnlyList<RecordedRequest> RequestsOf(AcsEmulator emulator, string? callConnectionId, IncomingCallSnapshot? incoming) =>
        emulator.RequestLog.Entries.Where(r =>
            (callConnectionId is not null && (r.CallConnectionId == callConnectionId || r.ResponseBody.Contains(callConnectionId, StringComparison.Ordinal)
                || r.RequestBody.Contains(callConnectionId, StringComparison.Ordinal)))   // start recording names the call in its body
            || (incoming is not null && r.RequestBody.Contains(incoming.IncomingCallContext, StringComparison.Ordinal)))
        .DistinctBy(r => (r.Time, r.Path, r.RepeatabilityRequestId))
        .ToList();

    /// <summary>The Durable Functions status API of the instance.</summary>
    public static async Task<JsonElement> DurableStatusAsync(CallFlowsLocalApp app, string instanceId)
    {
        using HttpResponseMessage response = await app.Client.GetAsync($"runtime/webhooks/durabletask/instances/{instanceId}?showInput=true");
        string text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Every call action reached the emulator exactly once: the performed requests are exactly <paramref name="operations"/>
    /// in order, each repeatable one carries a repeatability id, and no id was performed twice.
    /// </summary>
    public static void ShouldHavePerformedExactly(this FlowCall call, params string[] operations)
    {
        call.Operations.Should().Equal(operations, $"the emulator should have performed each action of {call.InstanceId} once; requests: {Dump(call.Requests)}");
        var repeatable = call.Performed.Where(r => r.Method == "POST").ToList();
        repeatable.Should().OnlyContain(r => !string.IsNullOrEmpty(r.RepeatabilityRequestId), "every POST action carries a Repeatability-Request-ID");
        repeatable.Select(r => r.RepeatabilityRequestId).Should().OnlyHaveUniqueItems("no action is performed twice");
        // A DELETE hang-up that finds the call already gone (404) is success by design (FLOWS-DESIGN.md: no repeatability on DELETE).
        call.Performed.Should().OnlyContain(r => r.Status < 300 || (r.Operation == "CallConnection_HangupCall" && r.Status == 404), Dump(call.Requests));
    }

    /// <summary>The app's two status views agree with the outcome.</summary>
    public static async Task ShouldReportAsync(this FlowCall call, CallFlowsLocalApp app, string flow, string result, bool succeeded)
    {
        call.Status.Flow.Should().Be(flow);
        call.Outcome.Flow.Should().Be(flow);
        call.Outcome.Result.Should().Be(result, call.Outcome.Detail);
        call.Outcome.Succeeded.Should().Be(succeeded);
        call.Status.Status.Should().NotBeNull();
        call.Status.Status!.State.Should().Be("Completed");
        call.Status.Status.Outcome!.Result.Should().Be(result);

        JsonElement durable = await DurableStatusAsync(app, call.InstanceId);
        durable.GetProperty("runtimeStatus").GetString().Should().Be("Completed");
        durable.GetProperty("name").GetString().Should().Be(flow);
        JsonElement custom = durable.GetProperty("customStatus");
        Property(custom, "State").GetString().Should().Be("Completed");
        Property(Property(custom, "Outcome"), "Result").GetString().Should().Be(result);
        Property(durable.GetProperty("output"), "Result").GetString().Should().Be(result);
    }

    public static IReadOnlyList<string> EventNames(this FlowCall call) => call.Status.Status!.Events.Select(e => e.Name).ToList();

    public static IReadOnlyList<string> ActionLines(this FlowCall call) => call.Status.Status!.Actions.Select(a => $"{a.Name}: {a.Detail}").ToList();

    public static Task<DeliveryRecord> WaitForDeliveryAsync(CallFlowsLocalApp app, Func<DeliveryRecord, bool> predicate) =>
        app.Emulator!.WaitForEventAsync(predicate, TimeSpan.FromSeconds(30));

    public static Task<RecordedRequest> WaitForRequestAsync(CallFlowsLocalApp app, Func<RecordedRequest, bool> predicate) =>
        app.Emulator!.RequestLog.WaitForAsync(predicate, TimeSpan.FromSeconds(30));

    static JsonElement Property(JsonElement element, string name)
    {
        // The durable data converter writes PascalCase; accept either.
        foreach (JsonProperty p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        throw new KeyNotFoundException($"'{name}' not in {element}");
    }

    static string Dump(IEnumerable<RecordedRequest> requests) =>
        string.Join("; ", requests.Select(r => $"{r.Method} {r.Operation} {r.Status}{(r.IsReplay ? " replay" : string.Empty)}{(r.IsInjectedFault ? " fault" : string.Empty)} rid={r.RepeatabilityRequestId}"));

    static string Describe(CallStatusResponse? s) =>
        s is null ? "none" : $"{s.RuntimeStatus} {s.Status?.State}; actions: {string.Join(", ", s.Status?.Actions.Select(a => a.Name + ":" + a.Detail) ?? [])}; events: {string.Join(", ", s.Status?.Events.Select(e => e.Name) ?? [])}";
}
