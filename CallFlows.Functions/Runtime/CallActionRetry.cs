using CallFlows.Functions.Actions;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Runtime;

/// <summary>
/// The retry policy of every call action: transient failures (network, 408, 429, 5xx) are retried a few times with
/// a short backoff, because a caller is waiting; business errors (4xx) are not retried. The repeatability pair of the
/// action is part of its input, so a retry sends the same pair and ACS performs the action once.
/// </summary>
public static class CallActionRetry
{
    /// <summary>The attempts per action, including the first; 4.</summary>
    public const int MaxAttempts = 4;

    /// <summary>The first retry interval; 1 second, doubling up to 8 seconds (about 15 seconds in all).</summary>
    public static readonly TimeSpan FirstRetryInterval = TimeSpan.FromSeconds(1);

    /// <summary>The task options the flow runtime passes to every call action.</summary>
    public static TaskOptions Options { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(MaxAttempts, FirstRetryInterval, backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(8))
    {
        HandleFailure = IsTransient,
    });

    /// <summary>Whether a failed action is worth retrying.</summary>
    /// <param name="failure">The failure details of the activity.</param>
    /// <returns>True for <see cref="CallActionTransientException"/> failures.</returns>
    public static bool IsTransient(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        for (var current = failure; current is not null; current = current.InnerFailure)
        {
            // The type name is authoritative; the message marker also survives hosts that wrap activity exceptions.
            if (current.ErrorType == typeof(CallActionTransientException).FullName
                || current.ErrorMessage.Contains(CallActionTransientException.Marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
