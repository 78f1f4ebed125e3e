namespace CallFlows.Chaos;

/// <summary>A state-changing call action the emulator performed more than once (not counting replays of a Repeatability-Request-ID).</summary>
/// <param name="Operation">The Call Automation operation (e.g. <c>CallConnection_AddParticipant</c>).</param>
/// <param name="Target">The call connection or incoming call context it acted on.</param>
/// <param name="LogicalAction">What identifies the logical action (its operationContext, or the operation itself).</param>
/// <param name="Count">How many times it was performed.</param>
public sealed record DuplicatedAction(string Operation, string Target, string LogicalAction, int Count);
