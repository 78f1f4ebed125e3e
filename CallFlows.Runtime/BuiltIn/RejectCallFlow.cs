using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Runtime.BuiltIn;

/// <summary>Built-in inbound flow of a rule with <c>Action: Reject</c> (and of unrouted calls): rejects the call.</summary>
[CallFlow]
public sealed class RejectCallFlow : InboundCallFlow<RejectCallSettings, RoutedCallResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(RejectCallFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<RejectCallFlow>(context);

    /// <inheritdoc />
    public override async Task<RoutedCallResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, RejectCallSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(settings);
        var rejected = await flow.RejectAsync(incomingCall, settings.Reason);
        if (rejected.Succeeded)
        {
            flow.SetOutcomeDetail($"Rejected ({settings.Reason}).");
        }

        return rejected.Succeeded ? RoutedCallResult.Rejected : RoutedCallResult.RejectFailed;
    }
}
