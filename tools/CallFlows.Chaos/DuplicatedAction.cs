namespace CallFlows.Chaos;

/// <summary>A state-changing call action the emulator performed more than once (not counting replays of a Repeatability-Request-ID).</summary>
/// <param name="Operation">The Call Automation operation (e.g. <c>CallConnection_AddParticipant</c>).</param>
/// <param name="Target">The call connection or incoming call context it acted on.</param>
/// <param name="LogicalAction">What identifies the logical action (its operationContext, or the operation itself).</param>
/// <param name="Count">How many times it was performed.</param>
public sealed record DuplicatedAction(string Operation, string Target, string LogicalAction, int Count)
{
    /// <summary>
    /// Gets a value indicating whether the operation is one the spec gives no repeatability and no readable state
    /// (<see cref="DuplicateActionDetector.WithoutRepeatability"/>): a re-sent prompt or recognize after a kill, reported
    /// apart from the call actions that must be performed once.
    /// </summary>
    public bool WithoutRepeatability { get; init; }
}
