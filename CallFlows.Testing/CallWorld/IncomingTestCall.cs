using CallFlows.CallAutomation;
using CallFlows.Functions.Configuration;
using CallFlows.Functions.Flows;
using CallFlows.Functions.Runtime;
using CallFlows.Testing.Orchestrations;
using Microsoft.DurableTask;

namespace CallFlows.Testing.CallWorld;

/// <summary>An incoming call placed on a <see cref="CallFlowTestKit"/>, to be handled by an inbound flow.</summary>
public sealed class IncomingTestCall
{
    private readonly CallFlowTestKit _kit;

    internal IncomingTestCall(CallFlowTestKit kit, TestPhone from, TestPhone to)
    {
        _kit = kit;
        From = from;
        To = to;
    }

    /// <summary>The caller.</summary>
    public TestPhone From { get; }

    /// <summary>The number called.</summary>
    public TestPhone To { get; }

    /// <summary>Runs an inbound flow on this call to its end, on virtual time.</summary>
    /// <param name="flowName">The flow's orchestrator name, e.g. <c>FlowNames.InboundRouting</c>.</param>
    /// <param name="flow">The flow's orchestrator function, e.g. <c>InboundRoutingFlow.RunAsync</c>.</param>
    /// <param name="settings">The routing rule's settings for the flow; null for none.</param>
    /// <param name="route">The route name the flow sees. Default <c>test</c>.</param>
    /// <returns>The outcome, the actions in order and the recorded run.</returns>
    /// <exception cref="OrchestrationTestException">The flow got stuck, is not deterministic, or called something the test does not script.</exception>
    public CallFlowTestOutcome RunToEnd(string flowName, Func<TaskOrchestrationContext, Task<CallFlowOutcome>> flow, InboundRouteSettings? settings = null, string route = "test")
    {
        ArgumentException.ThrowIfNullOrEmpty(flowName);
        ArgumentNullException.ThrowIfNull(flow);
        var incoming = new IncomingCall
        {
            EventId = "incoming-call-1",
            From = From.Identifier,
            To = To.Identifier,
            ServerCallId = "server-call-1",
            CorrelationId = "correlation-1",
            IncomingCallContext = "incoming-call-context-1",
        };
        var service = new SimulatedCallService(_kit, From, To.RawId);
        var driver = new OrchestrationDriver(_kit.Options).OnOtherActivities(service.Handle);
        var run = driver.Run(flowName, flow, new InboundCallInput(incoming, route, settings));
        return new CallFlowTestOutcome(run, service.Callbacks.Select(c => c.GetType().Name).ToList());
    }
}
