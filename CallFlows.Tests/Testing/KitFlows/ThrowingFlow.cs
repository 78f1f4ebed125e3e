using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Testing.KitFlows;

/// <summary>A flow with a bug: it throws while the call is connected.</summary>
public sealed class ThrowingFlow : InboundCallFlow<KitFlowSettings, KitFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(ThrowingFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<ThrowingFlow>(context);

    /// <inheritdoc />
    public override async Task<KitFlowResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, KitFlowSettings settings)
    {
        await flow.AnswerAsync(incomingCall);
        await flow.DelayAsync(TimeSpan.FromSeconds(20));
        throw new InvalidOperationException("The CRM answered something the flow did not expect.");
    }
}
