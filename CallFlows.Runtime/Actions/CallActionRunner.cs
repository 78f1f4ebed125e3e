using Azure;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>
/// Runs one service request of an activity and logs it. Every service failure comes back as data in
/// <see cref="CallActionOutput.Failure"/>: a refusal (4xx other than 408/429) as <see cref="CallActionFailureKind.Refused"/>,
/// what is worth retrying (network, 408, 429, 5xx) as <see cref="CallActionFailureKind.Unavailable"/>, which the flow
/// runtime retries itself with the same repeatability pair. Nothing is recognised by exception type or message text.
/// </summary>
internal static class CallActionRunner
{
    public static async Task<CallActionOutput> RunAsync(ILogger logger, string action, string? operationContext, Func<Task<CallActionOutput>> request)
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
