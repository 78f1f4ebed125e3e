using Azure;
using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Actions;

/// <summary>
/// Activity: a flow threw while its call was connected. Logs an error naming the instance, the call, the flow and the
/// cause, then ends the call: a transfer to <see cref="CallFlowsOptions.FailedFlowTarget"/> when one is configured,
/// else a hang-up for everyone. A caller is never left connected to a flow that no longer runs.
/// </summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class EndAbandonedCallAction(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<EndAbandonedCallAction> logger)
{
    /// <summary>Ends the call.</summary>
    /// <param name="input">The call and why its flow failed.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.EndAbandonedCall)]
    public async Task<CallActionOutput> RunAsync([ActivityTrigger] EndAbandonedCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = options.Value.FailedFlowTarget;
        Log.FlowFailedWithCallConnected(logger, input.InstanceId, input.CallConnectionId, input.Flow, input.Cause, target ?? "hang up for everyone");
        var connection = client.GetCallConnection(input.CallConnectionId);
        if (!string.IsNullOrWhiteSpace(target))
        {
            var transfer = new TransferToParticipantOptions(CallActionMapping.Identifier(target))
            {
                OperationContext = input.Identity.OperationContext,
                RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
            };
            var transferred = await CallActionRunner.RunAsync(logger, CallActionNames.EndAbandonedCall, input.Identity, async () =>
            {
                await connection.TransferCallToParticipantAsync(transfer);
                return CallActionOutput.Accepted;
            });
            if (transferred.Failure is null)
            {
                return transferred;
            }
        }

        return await CallActionRunner.RunAsync(logger, CallActionNames.EndAbandonedCall, input.Identity, async () =>
        {
            try
            {
                await connection.HangUpAsync(new HangUpOptions(forEveryone: true));
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Already gone: the goal is reached.
            }

            return CallActionOutput.Accepted;
        });
    }
}
