using Azure;
using CallFlows.CallAutomation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// Ends a call whose flow no longer runs (terminated, failed outside the runtime's reach, or purged): asks ACS whether
/// the call connection is still up (<c>GET /calling/callConnections/{id}</c>) and, if so, transfers it to
/// <see cref="CallFlowsOptions.FailedFlowTarget"/> or hangs it up for everyone, with an error log naming the instance,
/// call, flow and cause. Outside any orchestration (callback endpoint, timer sweep), so it holds no durable state:
/// asking ACS first makes it safe to call again for the same call.
/// </summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
internal sealed class StrandedCallEnder(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<StrandedCallEnder> logger)
{
    /// <summary>Ends the call if it is still connected.</summary>
    /// <param name="instanceId">The instance that owned the call.</param>
    /// <param name="callConnectionId">The call connection.</param>
    /// <param name="flow">The flow, when known (a purged instance's is not).</param>
    /// <param name="cause">Why the flow no longer runs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>True when the call was live and has been ended (or handed to the fallback target).</returns>
    public async Task<bool> EndIfConnectedAsync(string instanceId, string callConnectionId, string? flow, string cause, CancellationToken cancellationToken)
    {
        var connection = client.GetCallConnection(callConnectionId);
        try
        {
            var properties = (await connection.GetCallConnectionPropertiesAsync(cancellationToken)).Value;
            if (properties.CallConnectionState is CallConnectionState.Disconnected or CallConnectionState.Disconnecting)
            {
                StrandedCallLog.StrandedCallAlreadyGone(logger, instanceId, callConnectionId, cause);
                return false;
            }

            var target = options.Value.FailedFlowTarget;
            StrandedCallLog.StrandedCallEnded(logger, instanceId, callConnectionId, flow ?? "(unknown: the instance was purged)", cause,
                string.IsNullOrWhiteSpace(target) ? "hang up for everyone" : "transfer to " + target);
            if (!string.IsNullOrWhiteSpace(target))
            {
                try
                {
                    await connection.TransferCallToParticipantAsync(new TransferToParticipantOptions(CommunicationIdentifier.FromRawId(target)), cancellationToken);
                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status != 404)
                {
                    // The fallback refused: hang up rather than leave the caller with nobody.
                    StrandedCallLog.StrandedCallEndFailed(logger, instanceId, callConnectionId, cause, exception.Status, exception.ErrorCode ?? "no error code", exception);
                }
            }

            await connection.HangUpAsync(new HangUpOptions(forEveryone: true), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            StrandedCallLog.StrandedCallAlreadyGone(logger, instanceId, callConnectionId, cause);
            return false;
        }
        catch (RequestFailedException exception)
        {
            StrandedCallLog.StrandedCallEndFailed(logger, instanceId, callConnectionId, cause, exception.Status, exception.ErrorCode ?? "no error code", exception);
            return false;
        }
    }
}
