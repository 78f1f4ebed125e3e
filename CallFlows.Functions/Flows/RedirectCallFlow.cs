using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Redirects an incoming call to the routing rule's target.</summary>
public static class RedirectCallFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.RedirectCall)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<InboundCallInput>();
        var redirected = await flow.RedirectAsync(input.IncomingCall, CommunicationIdentifier.FromRawId(input.RedirectTarget!));
        return redirected.Succeeded
            ? flow.Complete(RoutedCallFlowResult.Redirected, true, detail: $"Redirected to {input.RedirectTarget} by route '{input.Route}'.")
            : flow.Complete(RoutedCallFlowResult.RedirectFailed, false, cause: redirected);
    }
}
