using Azure;

namespace CallFlows.Runtime.Actions;

/// <summary>One mapping from service errors to the failure kinds the flow runtime distinguishes.</summary>
internal static class CallActionErrors
{
    /// <summary>Whether an HTTP status is worth retrying (0 = no response: a network failure).</summary>
    public static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>The refusal of a non-transient failed request, as data.</summary>
    public static CallActionFailure Refusal(RequestFailedException exception) =>
        new(CallActionFailureKind.Refused, FirstLine(exception.Message)) { HttpStatus = exception.Status, ErrorCode = exception.ErrorCode };

    /// <summary>A transient failure (408, 429, 5xx), as data.</summary>
    public static CallActionFailure Unavailable(RequestFailedException exception) =>
        new(CallActionFailureKind.Unavailable, FirstLine(exception.Message)) { HttpStatus = exception.Status == 0 ? null : exception.Status, ErrorCode = exception.ErrorCode };

    public static string FirstLine(string message)
    {
        var index = message.IndexOf('\n', StringComparison.Ordinal);
        return index < 0 ? message : message[..index].TrimEnd('\r');
    }
}
