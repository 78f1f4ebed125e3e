using System.ComponentModel.DataAnnotations;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Outbound 1:1 call: a phone number (with caller id) or an ACS user; stays connected until the callee hangs up or the maximum duration.</summary>
[CallFlow]
public sealed class OutboundCallFlow : OutboundCallFlow<OutboundCallInput, OutboundCallFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(OutboundCallFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<OutboundCallFlow>(context);

    /// <inheritdoc />
    public override async Task<OutboundCallFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await flow.CreateCallAsync(input.TargetIdentifiers[0], OutboundFlowSupport.CallOptions(input, withHeaders: true));
        }
        catch (CallNotConnectedException notConnected)
        {
            return notConnected.Reason == CallNotConnectedReason.Failed ? OutboundCallFlowResult.CallFailed : OutboundCallFlowResult.NotAnswered;
        }

        if (await call.WaitForEndAsync(input.MaxDuration))
        {
            return OutboundCallFlowResult.CalleeHungUp;
        }

        await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, new CallActionOptions { Timeout = input.ActionTimeout });
        return OutboundCallFlowResult.EndedAtMaxDuration;
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input) => OutboundFlowSupport.RequireTargets(input, single: true);
}
