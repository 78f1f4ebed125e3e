using Azure;
using CallFlows.CallAutomation;
using CallFlows.Functions.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Functions.Actions;

/// <summary>Activity: hangs up the application's leg (DELETE) or ends the call for everyone (terminate).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
public sealed class HangUpAction(CallAutomationClient client, ILogger<HangUpAction> logger)
{
    /// <summary>Hangs up.</summary>
    /// <param name="input">The call and whether it ends for everyone.</param>
    /// <returns>True when the call was hung up now; false when it was already gone (404).</returns>
    [Function(CallActionNames.HangUp)]
    public Task<bool> RunAsync([ActivityTrigger] HangUpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new HangUpOptions(input.ForEveryone) { RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders() };
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync(logger, CallActionNames.HangUp, input.Identity.OperationContext, async () =>
        {
            try
            {
                await connection.HangUpAsync(request);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // DELETE has no repeatability: a re-executed hang-up finds the call gone, which is the goal.
                Log.HangUpFoundCallGone(logger, input.CallConnectionId);
                return false;
            }
        });
    }
}
