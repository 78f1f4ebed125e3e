using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: hangs up the application's leg (DELETE) or ends the call for everyone (terminate).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class HangUpAction(CallAutomationClient client, ILogger<HangUpAction> logger)
{
    /// <summary>Hangs up. A 404 (the call is already gone, e.g. a re-executed DELETE, which has no repeatability) comes back as a refusal the flow runtime reads as "ended".</summary>
    /// <param name="input">The call and whether it ends for everyone.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.HangUp)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] HangUpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new HangUpOptions(input.ForEveryone) { RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders() };
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.HangUp, input.Identity, async () =>
        {
            await connection.HangUpAsync(request);
            return CallActionOutput.Accepted;
        });
    }
}
