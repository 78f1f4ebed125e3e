using System.Globalization;
using CallFlows.Functions.Actions;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Runtime;

/// <summary>Turns a failed activity into a <see cref="CallFlowActionResult"/> the flow can act on.</summary>
internal static class CallActionFailures
{
    public static CallFlowActionResult ToResult(TaskFailureDetails? failure)
    {
        var message = failure?.ErrorMessage ?? "The call action failed.";
        return new CallFlowActionResult(CallFlowActionStatus.Failed)
        {
            ResultCode = TryGetStatus(message),
            Message = message,
        };
    }

    /// <summary>Reads the HTTP status that <see cref="CallActionRejectedException"/> puts at the start of its message.</summary>
    internal static int? TryGetStatus(string message)
    {
        var index = message.IndexOf(CallActionRejectedException.StatusPrefix, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var start = index + CallActionRejectedException.StatusPrefix.Length;
        var end = start;
        while (end < message.Length && char.IsAsciiDigit(message[end]))
        {
            end++;
        }

        return end - start == 3 && int.TryParse(message.AsSpan(start, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null;
    }
}
