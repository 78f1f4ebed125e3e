using CallFlows.LocalHost.Engine;

namespace CallFlows.Tests.Engine;

/// <summary>Only the provider's discard of events that reached a finished instance is moved out of the warnings.</summary>
public sealed class LateEventLogFilterTests
{
    [Theory]
    [InlineData("callflows: Discarding 1 dequeued history event(s): Instance is Completed", true)]
    [InlineData("x: Discarding 3 dequeued history event(s): Instance is Terminated", true)]
    [InlineData("x: Discarding 1 dequeued history event(s): Instance is Failed", true)]
    [InlineData("x: Discarding 1 dequeued history event(s): Received work-item for an invalid orchestration", false)]
    [InlineData("x: Discarding 1 dequeued history event(s): Instance is Running", false)]
    [InlineData("x: Split brain detected: Another worker already updated the history for this instance", false)]
    public void IsLateEventDiscard_Message_OnlyTerminalInstances(string message, bool expected) =>
        LateEventLogFilter.IsLateEventDiscard(message).Should().Be(expected);
}
