using Microsoft.DurableTask;
using CoreFailureDetails = DurableTask.Core.FailureDetails;

namespace CallFlows.Testing.Orchestrations;

/// <summary>What a scripted activity returns: an output or a failure, after a virtual duration.</summary>
public sealed class ActivityResult
{
    private ActivityResult(object? output, CoreFailureDetails? failure, TimeSpan duration)
    {
        Output = output;
        Failure = failure;
        Duration = duration;
    }

    /// <summary>The output (when the call succeeded).</summary>
    public object? Output { get; }

    /// <summary>The virtual time the call takes; its result is delivered this long after it was made.</summary>
    public TimeSpan Duration { get; }

    internal CoreFailureDetails? Failure { get; }

    /// <summary>The call succeeds with <paramref name="output"/>.</summary>
    /// <param name="output">The output (serialized as on the real engine); null for none.</param>
    /// <param name="duration">The virtual time the call takes. Default zero.</param>
    /// <returns>The result.</returns>
    public static ActivityResult Completed(object? output = null, TimeSpan duration = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new ActivityResult(output, null, duration);
    }

    /// <summary>
    /// The call fails as if the activity had thrown <paramref name="exception"/>: the orchestrator gets a
    /// <see cref="TaskFailedException"/> whose <see cref="TaskFailedException.FailureDetails"/> carry the exception's
    /// type, message and inner exceptions, as with <c>ErrorPropagationMode.UseFailureDetails</c>.
    /// </summary>
    /// <param name="exception">The exception the activity throws.</param>
    /// <param name="duration">The virtual time the call takes. Default zero.</param>
    /// <returns>The result.</returns>
    public static ActivityResult Failed(Exception exception, TimeSpan duration = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new ActivityResult(null, new CoreFailureDetails(exception), duration);
    }

    /// <summary>The call fails with the given failure details (for exception types the test cannot construct).</summary>
    /// <param name="failure">The failure details the orchestrator sees.</param>
    /// <param name="duration">The virtual time the call takes. Default zero.</param>
    /// <returns>The result.</returns>
    public static ActivityResult Failed(TaskFailureDetails failure, TimeSpan duration = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return new ActivityResult(null, FailureDetailsConversion.ToCore(failure), duration);
    }
}
