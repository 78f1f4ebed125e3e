using System.ComponentModel.DataAnnotations;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Hang up for everyone: sets up a group call (or joins the given call) and ends it for all participants.</summary>
[CallFlow]
public sealed class HangUpForEveryoneFlow : OutboundCallFlow<OutboundCallInput, HangUpForEveryoneFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(HangUpForEveryoneFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<HangUpForEveryoneFlow>(context);

    /// <inheritdoc />
    public override async Task<HangUpForEveryoneFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await OutboundFlowSupport.GroupCallAsync(flow, input);
        }
        catch (CallNotConnectedException)
        {
            return HangUpForEveryoneFlowResult.NotConnected;
        }

        // Let the call run for the requested time (0 is allowed: end it at once).
        if (input.MaxDuration > TimeSpan.Zero && await call.WaitForEndAsync(input.MaxDuration))
        {
            return HangUpForEveryoneFlowResult.CallEnded;
        }

        var hungUp = await call.HangUpAsync(forEveryone: true, new CallActionOptions { Timeout = input.ActionTimeout });
        return hungUp.Succeeded ? HangUpForEveryoneFlowResult.EndedForEveryone : HangUpForEveryoneFlowResult.HangUpFailed;
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input) =>
        input?.Locator is null ? OutboundFlowSupport.RequireTargets(input!, single: false) : [];
}
