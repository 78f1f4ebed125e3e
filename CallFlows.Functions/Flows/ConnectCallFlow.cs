using System.ComponentModel.DataAnnotations;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Connect: joins an existing server call, group call or room; leaves when it ends or at the maximum duration.</summary>
[CallFlow]
public sealed class ConnectCallFlow : OutboundCallFlow<OutboundCallInput, ConnectCallFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(ConnectCallFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<ConnectCallFlow>(context);

    /// <inheritdoc />
    public override async Task<ConnectCallFlowResult> RunAsync(CallFlowContext flow, OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(input);
        CallFlowCall call;
        try
        {
            call = await flow.ConnectAsync(input.LocatorOrNull()!, new ConnectOptions { Timeout = input.ConnectTimeout });
        }
        catch (CallNotConnectedException)
        {
            return ConnectCallFlowResult.NotConnected;
        }

        if (await call.WaitForEndAsync(input.MaxDuration))
        {
            return ConnectCallFlowResult.CallEnded;
        }

        // Leave the call without ending it for the others (unless the request asked for everyone).
        await call.HangUpAsync(forEveryone: input.HangUpForEveryone ?? false, new CallActionOptions { Timeout = input.ActionTimeout });
        return ConnectCallFlowResult.LeftAtMaxDuration;
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(OutboundCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Locator is null)
        {
            yield return new ValidationResult("'locator.kind' must be serverCall, groupCall or room.", ["locator.kind"]);
        }
    }
}
