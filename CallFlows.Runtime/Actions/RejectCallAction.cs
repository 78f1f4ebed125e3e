using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: rejects an incoming call (no callback events follow).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RejectCallAction(CallAutomationClient client, ILogger<RejectCallAction> logger)
{
    /// <summary>Rejects the call.</summary>
    /// <param name="input">The call and the reason.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.RejectCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] RejectCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new RejectCallOptions(input.IncomingCallContext)
        {
            CallRejectReason = input.Reason,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        return CallActionRunner.RunAsync(logger, CallActionNames.RejectCall, input.Identity, async () =>
        {
            await client.RejectCallAsync(request);
            return CallActionOutput.Accepted;
        });
    }
}
