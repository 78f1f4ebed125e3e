using Azure;
using CallFlows.Functions.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CallFlows.Functions.Actions;

/// <summary>Runs one service request of an activity: logs it and turns failures into the two kinds the flow runtime handles.</summary>
internal static class CallActionRunner
{
    public static async Task<T> RunAsync<T>(ILogger logger, string action, string? operationContext, Func<Task<T>> request)
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
            throw CallActionErrors.Translate(action, exception);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            // Azure.Core's retry policy reports exhausted retries of network failures this way.
            Log.ActionFailed(logger, action, operationContext, 0, null, exception);
            throw new CallActionTransientException($"{CallActionTransientException.Marker} {action} failed after the client's retries: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Log.ActionFailed(logger, action, operationContext, 0, null, exception);
            throw new CallActionTransientException($"{CallActionTransientException.Marker} {action} failed: {exception.Message}", exception);
        }
    }
}
