using System.Diagnostics;
using Azure;
using CallFlows.Runtime.Telemetry;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>
/// Runs one service request of an activity and logs it. Every service failure comes back as data in
/// <see cref="CallActionOutput.Failure"/>: a refusal (4xx other than 408/429) as <see cref="CallActionFailureKind.Refused"/>,
/// what is worth retrying (network, 408, 429, 5xx) as <see cref="CallActionFailureKind.Unavailable"/>, which the flow
/// runtime retries itself with the same repeatability pair. Nothing is recognised by exception type or message text.
/// Every activity runs through here, so each gets the action span (in the call's trace, parent of the REST request
/// spans), the call's log scope and the action-duration metric without code of its own. Activities execute once per
/// scheduling (a replay reads their recorded result), so replays add no span.
/// </summary>
internal static class CallActionRunner
{
    public static async Task<CallActionOutput> RunAsync(ILogger logger, string action, CallActionIdentity identity, Func<Task<CallActionOutput>> request)
    {
        using var scope = CallLogScope.Begin(logger, identity.InstanceId);
        using var activity = CallFlowsTelemetry.StartCallSpan("CallFlows.Action " + action, ActivityKind.Internal, identity.InstanceId, identity.RootSpanId);
        activity?.SetTag(CallFlowsTags.Action, action);
        activity?.SetTag(CallFlowsTags.ActionSequence, identity.Sequence);
        activity?.SetTag(CallFlowsTags.OperationContext, identity.OperationContext);
        activity?.SetTag(CallFlowsTags.RepeatabilityRequestId, identity.RepeatabilityRequestId.ToString("D"));
        var started = Stopwatch.GetTimestamp();
        var output = await RunCoreAsync(logger, action, identity.OperationContext, request) with { OperationContext = identity.OperationContext };
        var result = output.Failure?.Kind.ToString() ?? "Accepted";
        CallFlowsTelemetry.ActionDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>(CallFlowsTags.Action, action), new KeyValuePair<string, object?>(CallFlowsTags.ActionResult, result));
        if (activity is not null)
        {
            activity.SetTag(CallFlowsTags.ActionResult, result);
            if (output.Connection?.CallConnectionId is { } callConnectionId)
            {
                activity.SetTag(CallFlowsTags.CallConnectionId, callConnectionId);
            }

            if (output.Failure is { } failure)
            {
                activity.SetTag(CallFlowsTags.HttpStatus, failure.HttpStatus);
                activity.SetTag(CallFlowsTags.ErrorCode, failure.ErrorCode);
                activity.Fail(failure.Describe());
            }
        }

        return output;
    }

    private static async Task<CallActionOutput> RunCoreAsync(ILogger logger, string action, string? operationContext, Func<Task<CallActionOutput>> request)
    {
        try
        {
            var result = await request();
            Log.ActionCompleted(logger, action, operationContext);
            return result;
        }
        catch (RequestFailedException exception)
        {
            Log.ActionFailed(logger, action, operationContext, exception.Status, exception.ErrorCode, exception);
            if (CallActionErrors.IsTransient(exception.Status))
            {
                return new CallActionOutput(CallActionErrors.Unavailable(exception));
            }

            return new CallActionOutput(CallActionErrors.Refusal(exception));
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            // Azure.Core's retry policy reports exhausted retries of network failures this way.
            Log.ActionFailed(logger, action, operationContext, 0, null, exception);
            return new CallActionOutput(new CallActionFailure(CallActionFailureKind.Unavailable, $"{action} failed after the client's retries: {exception.Message}"));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Log.ActionFailed(logger, action, operationContext, 0, null, exception);
            return new CallActionOutput(new CallActionFailure(CallActionFailureKind.Unavailable, $"{action} failed: {exception.Message}"));
        }
    }
}
