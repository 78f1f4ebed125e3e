using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Rejects an incoming call with the routing rule's reason (busy, forbidden, none); also handles unrouted calls.</summary>
public static class RejectCallFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.RejectCall)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<InboundCallInput>();
        var rejected = await flow.RejectAsync(input.IncomingCall, input.RejectReason);
        return rejected.Succeeded
            ? flow.Complete(RoutedCallFlowResult.Rejected, true, detail: $"Rejected ({input.RejectReason}) by route '{input.Route}'.")
            : flow.Complete(RoutedCallFlowResult.RejectFailed, false, cause: rejected);
    }
}
