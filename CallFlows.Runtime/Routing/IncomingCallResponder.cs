using Azure;
using CallFlows.CallAutomation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Routing;

/// <summary>
/// The two call actions the Event Grid webhook performs itself, so that a ringing caller never waits behind the task
/// hub's backlog: the answer of a flow marked <see cref="CallFlowAttribute.AnswerOnArrival"/> (the same request the flow
/// repeats, so ACS performs it once) and the busy rejection of a call that admission control turns away.
/// </summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings (the callback URI).</param>
/// <param name="logger">The logger.</param>
internal sealed class IncomingCallResponder(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<IncomingCallResponder> logger)
{
    /// <summary>
    /// Answers a call whose flow is already scheduled, with that flow's answer identity. A failure is logged and
    /// returned: the webhook then tells the flow, which sends the same request itself.
    /// </summary>
    /// <param name="instanceId">The flow's instance id.</param>
    /// <param name="incomingCall">The call.</param>
    /// <param name="answeredAt">The answer's first-sent time, as written into the flow's input.</param>
    /// <param name="rootSpanId">The call's root span id, as written into the flow's input (the callback URL carries it).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when ACS accepted the answer.</returns>
    public async Task<bool> AnswerOnArrivalAsync(string instanceId, IncomingCall incomingCall, DateTimeOffset answeredAt, string? rootSpanId, CancellationToken cancellationToken)
    {
        var identity = CallActionIdentity.ForAnswerOnArrival(instanceId, answeredAt, rootSpanId);
        var request = AnswerCallAction.Request(new AnswerCallInput(instanceId, identity, incomingCall.IncomingCallContext!), options.Value);
        // Through the action runner: the answer gets the action span, log scope and duration metric of any call action.
        var output = await CallActionRunner.RunAsync(logger, CallActionNames.AnswerCall, identity,
            async () => new CallActionOutput(Connection: CallActionMapping.Info((await client.AnswerCallAsync(request, cancellationToken)).Value.CallConnectionProperties)));
        if (output.Failure is { } failure)
        {
            AdmissionLog.AnswerOnArrivalFailed(logger, instanceId, failure.HttpStatus ?? 0, failure.Describe());
            return false;
        }

        AdmissionLog.AnsweredOnArrival(logger, instanceId, output.Connection?.CallConnectionId);
        return true;
    }

    /// <summary>Rejects a call as busy (admission control turned it away; no flow was scheduled).</summary>
    /// <param name="instanceId">The instance id the call would have had (the request id is derived from it).</param>
    /// <param name="incomingCall">The call.</param>
    /// <param name="limit">The limit that was reached, for the log.</param>
    /// <param name="answeredAt">The request's first-sent time.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the call is no longer ringing (rejected now, or ACS says it already left that state).</returns>
    public async Task<bool> RejectBusyAsync(string instanceId, IncomingCall incomingCall, string limit, DateTimeOffset answeredAt, CancellationToken cancellationToken)
    {
        var identity = CallActionIdentity.Create(instanceId, 1, "RejectBusy", answeredAt.UtcDateTime);
        var request = new RejectCallOptions(incomingCall.IncomingCallContext!)
        {
            CallRejectReason = CallRejectReason.Busy,
            RepeatabilityHeaders = identity.ToRepeatabilityHeaders(),
        };
        try
        {
            await client.RejectCallAsync(request, cancellationToken);
            AdmissionLog.RejectedAsBusy(logger, instanceId, limit);
            return true;
        }
        catch (RequestFailedException exception) when (!CallActionErrors.IsTransient(exception.Status))
        {
            // Refused: the call is not ringing any more (the caller hung up, or another delivery handled it).
            AdmissionLog.RejectBusyFailed(logger, instanceId, exception.Status, exception);
            return true;
        }
        catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            AdmissionLog.RejectBusyFailed(logger, instanceId, (exception as RequestFailedException)?.Status ?? 0, exception);
            return false;
        }
    }
}
