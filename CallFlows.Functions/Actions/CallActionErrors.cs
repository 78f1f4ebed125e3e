using Azure;

namespace CallFlows.Functions.Actions;

/// <summary>Turns service errors into the two failure kinds the flow runtime distinguishes.</summary>
internal static class CallActionErrors
{
    /// <summary>Whether an HTTP status is worth retrying (0 = no response: a network failure).</summary>
    public static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>The exception an activity throws for a failed request.</summary>
    public static Exception Translate(string action, RequestFailedException exception) =>
        IsTransient(exception.Status)
            ? new CallActionTransientException($"{CallActionTransientException.Marker} {action} failed with HTTP {exception.Status} ({exception.ErrorCode}): {exception.Message}", exception)
            : new CallActionRejectedException(action, exception.Status, exception.ErrorCode, FirstLine(exception.Message), exception);

    private static string FirstLine(string message)
    {
        var index = message.IndexOf('\n', StringComparison.Ordinal);
        return index < 0 ? message : message[..index].TrimEnd('\r');
    }
}
