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
    // ACS posts one event per request, often several at once (ParticipantsUpdated, then more): callers for the same
    // call join the check already under way instead of ending (and logging) the call twice from this instance.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<bool>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Ends the call if it is still connected.</summary>
    /// <param name="instanceId">The instance that owned the call.</param>
    /// <param name="callConnectionId">The call connection.</param>
    /// <param name="flow">The flow, when known (a purged instance's is not).</param>
    /// <param name="cause">Why the flow no longer runs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>True when the call was live and has been ended (or handed to the fallback target).</returns>
    public async Task<bool> EndIfConnectedAsync(string instanceId, string callConnectionId, string? flow, string cause, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callConnectionId);
        var mine = new Lazy<Task<bool>>(() => EndAsync(instanceId, callConnectionId, flow, cause, cancellationToken));
        var running = _inFlight.GetOrAdd(callConnectionId, mine);
        try
        {
            return await running.Value;
        }
        finally
        {
            if (ReferenceEquals(running, mine))
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<bool>>>(callConnectionId, mine));
            }
        }
    }

    private async Task<bool> EndAsync(string instanceId, string callConnectionId, string? flow, string cause, CancellationToken cancellationToken)
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
