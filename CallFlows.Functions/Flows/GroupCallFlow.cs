using System.ComponentModel.DataAnnotations;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Group call: one call to several PSTN and VoIP targets; ends on its own or at the maximum duration.</summary>
[CallFlow]
public sealed class GroupCallFlow : OutboundCallFlow<OutboundCallInput, GroupCallFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(GroupCallFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<GroupCallFlow>(context);

    /// <inheritdoc />
    public override async Task<GroupCallFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await flow.CreateGroupCallAsync(input.TargetIdentifiers, OutboundFlowSupport.CallOptions(input, withHeaders: false));
        }
        catch (CallNotConnectedException)
        {
            return GroupCallFlowResult.NotConnected;
        }

        if (await call.WaitForEndAsync(input.MaxDuration))
        {
            return GroupCallFlowResult.EndedByParticipants;
        }

        await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? true, new CallActionOptions { Timeout = input.ActionTimeout });
        return GroupCallFlowResult.EndedAtMaxDuration;
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input) => OutboundFlowSupport.RequireTargets(input, single: false);
}
