using System.Diagnostics;
using System.Text.Json;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;
using CallFlows.Runtime.Telemetry;
using CallFlows.Tests.EndToEnd;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CallFlows.Tests.Telemetry;

/// <summary>
/// The spans and metrics of ONE inbound call on the real engine over Azurite with the emulator, captured with the
/// OpenTelemetry in-memory exporter: one trace for webhook, activities, REST requests, callbacks and the flow.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CallTelemetryTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task InboundCall_AgentAnswers_OneTraceWithActionRestCallbackAndFlowSpansAndCallMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. CallFlowsInstrumentation.ActivitySourceNames])
            .AddInMemoryExporter(spans)
            .Build();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter([.. CallFlowsInstrumentation.MeterNames])
            .AddInMemoryExporter(metrics)
            .Build();
        const string caller = "+15551000091";
        fixture.Emulator.World.Configure(caller, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(3) });

        var (incoming, id) = await EndToEndHarness.PlaceInboundAsync(fixture.App, caller, DemoWorld.AgentAnswersNumber);
        FlowCall call = await EndToEndHarness.FinishAsync(fixture.App, id, incoming);
        await call.ShouldReportAsync(fixture.App, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected), succeeded: true);
        tracing.ForceFlush();

        var traceId = CallTraceContext.TraceId(id);
        Activity[] trace;
        lock (spans)
        {
            trace = [.. spans.Where(s => s.TraceId == traceId)];
        }

        // The webhook's delivery span is the root of the call's tree, tagged with the flow.
        var webhook = trace.Should().ContainSingle(s => s.DisplayName == "CallFlows.IncomingCall").Subject;
        webhook.Kind.Should().Be(ActivityKind.Server);
        webhook.GetTagItem("callflows.flow").Should().Be(nameof(InboundRoutingFlow));
        webhook.ParentSpanId.Should().Be(default(ActivitySpanId), "the call's trace starts at the webhook");
        ShouldBeOneTree(trace, webhook);

        // Actions: one span per action the flow issued (the orchestration replays; activities and their spans do not),
        // children of the root, each the parent of exactly its REST requests, which carry the status and the same
        // repeatability id.
        var actions = trace.Where(s => s.DisplayName.StartsWith("CallFlows.Action ", StringComparison.Ordinal)).ToList();
        actions.Select(a => a.GetTagItem("callflows.action")).Should().Equal("AnswerCall", "AddParticipant", "HangUp");
        actions.Select(a => a.GetTagItem("callflows.action.sequence")).Should().OnlyHaveUniqueItems();
        actions.Should().OnlyContain(a => a.ParentSpanId == webhook.SpanId);
        var rest = trace.Where(s => s.Source.Name == CallFlowsInstrumentation.CallAutomationSourceName).ToList();
        foreach (var action in actions)
        {
            action.GetTagItem("callflows.action.result").Should().Be("Accepted");
            action.GetTagItem("acs.operation_context").Should().NotBeNull();
            var request = rest.Should().ContainSingle(r => r.ParentSpanId == action.SpanId, $"{action.DisplayName} sends one request").Subject;
            request.Kind.Should().Be(ActivityKind.Client);
            request.GetTagItem("http.response.status_code").Should().BeOfType<int>().Which.Should().BeInRange(200, 299);
            request.GetTagItem("acs.repeatability_request_id").Should().Be(action.GetTagItem("acs.repeatability_request_id"));
        }

        // The answer on arrival is the webhook's own action (the flow takes the call from its CallConnected and does not
        // answer again): one request per action, and ACS performed each once.
        rest.Should().HaveCount(actions.Count);
        call.Performed.Should().HaveCount(actions.Count, "ACS performed each action once");

        // Callbacks: a server span per event received, children of the root, each with the span of raising it.
        var callbacks = trace.Where(s => s.DisplayName.StartsWith("CallFlows.Callback ", StringComparison.Ordinal)).ToList();
        callbacks.Select(c => c.GetTagItem("callflows.event")).Should().Contain(["CallConnected", "AddParticipantSucceeded", "CallDisconnected"]);
        callbacks.Should().OnlyContain(c => c.ParentSpanId == webhook.SpanId);
        foreach (var callback in callbacks)
        {
            trace.Should().ContainSingle(s => s.ParentSpanId == callback.SpanId && s.DisplayName.StartsWith("CallFlows.RaiseEvent ", StringComparison.Ordinal));
        }

        // The flow: one span under the root, from its first step to its outcome, emitted once although every episode replays it.
        var flow = trace.Should().ContainSingle(s => s.DisplayName == "CallFlows.Flow " + nameof(InboundRoutingFlow)).Subject;
        flow.ParentSpanId.Should().Be(webhook.SpanId);
        flow.GetTagItem("callflows.outcome").Should().Be(nameof(InboundRoutingFlowResult.AgentConnected));
        flow.Duration.Should().BePositive();

        // Nothing of this call went to another trace: every REST span carrying one of its repeatability ids is here.
        var repeatabilityIds = actions.Select(a => a.GetTagItem("acs.repeatability_request_id")).ToHashSet();
        lock (spans)
        {
            spans.Where(s => repeatabilityIds.Contains(s.GetTagItem("acs.repeatability_request_id"))).Should().OnlyContain(s => s.TraceId == traceId);
        }

        // Metrics of the same run.
        meters.ForceFlush();
        Sum(metrics, "callflows.calls.started", ("callflows.flow", nameof(InboundRoutingFlow))).Should().BeGreaterThanOrEqualTo(1);
        Sum(metrics, "callflows.calls.ended", ("callflows.flow", nameof(InboundRoutingFlow)), ("callflows.outcome", nameof(InboundRoutingFlowResult.AgentConnected))).Should().BeGreaterThanOrEqualTo(1);
        HistogramCount(metrics, "callflows.action.duration", ("callflows.action", "AnswerCall"), ("callflows.action.result", "Accepted")).Should().BeGreaterThanOrEqualTo(1);
        HistogramCount(metrics, "callflows.callback.resume_lag", ("callflows.event", "CallConnected")).Should().BeGreaterThanOrEqualTo(1);
        Sum(metrics, "callflows.callbacks.raised", ("callflows.event", "CallConnected")).Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task OutboundCall_StartRequestIsTheRootOfTheCallsTree()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource([.. CallFlowsInstrumentation.ActivitySourceNames])
            .AddInMemoryExporter(spans)
            .Build();
        const string callee = "+15552000091";
        fixture.Emulator.World.Configure(callee, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1) });

        string id = await EndToEndHarness.StartOutboundAsync(fixture.App, new { flow = "OutboundCall", targets = new[] { "4:" + callee }, callerId = "4:" + DemoWorld.AgentAnswersNumber });
        FlowCall call = await EndToEndHarness.FinishAsync(fixture.App, id);
        await call.ShouldReportAsync(fixture.App, nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp), succeeded: true);
        tracing.ForceFlush();

        var traceId = CallTraceContext.TraceId(id);
        Activity[] trace;
        lock (spans)
        {
            trace = [.. spans.Where(s => s.TraceId == traceId)];
        }

        var start = trace.Should().ContainSingle(s => s.DisplayName == "CallFlows.StartCall").Subject;
        start.ParentSpanId.Should().Be(default(ActivitySpanId));
        ShouldBeOneTree(trace, start);
        trace.Where(s => s.DisplayName.StartsWith("CallFlows.Action ", StringComparison.Ordinal)).Select(a => a.GetTagItem("callflows.action"))
            .Should().Equal("CreateCall");
        trace.Where(s => s.DisplayName.StartsWith("CallFlows.Callback ", StringComparison.Ordinal)).Select(c => c.GetTagItem("callflows.event"))
            .Should().Contain(["CallConnected", "CallDisconnected"]);
        trace.Where(s => s.DisplayName.StartsWith("CallFlows.Action ", StringComparison.Ordinal) || s.DisplayName.StartsWith("CallFlows.Callback ", StringComparison.Ordinal)
            || s.DisplayName.StartsWith("CallFlows.Flow ", StringComparison.Ordinal)).Should().OnlyContain(s => s.ParentSpanId == start.SpanId);

        // The root span id travels in the stored input beside the flow's own fields, which the flow still reads.
        JsonElement status = await EndToEndHarness.DurableStatusAsync(fixture.App, id);
        status.GetProperty("input").GetProperty("$callflows.rootSpanId").GetString().Should().Be(start.SpanId.ToHexString());
    }

    /// <summary>Every span of the call hangs under the root: one tree, no span whose parent is missing from the trace.</summary>
    static void ShouldBeOneTree(Activity[] trace, Activity root)
    {
        var ids = trace.Select(s => s.SpanId).ToHashSet();
        trace.Where(s => s != root).Should().OnlyContain(s => ids.Contains(s.ParentSpanId),
            "every span of the call is a descendant of its root span");
    }

    static IEnumerable<MetricPoint> Points(List<Metric> metrics, string name, (string Key, string Value)[] tags)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                {
                    yield return point;
                }
            }
        }
    }

    static long Sum(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    static long HistogramCount(List<Metric> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());
}
