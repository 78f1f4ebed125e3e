using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>A flow's call on a <see cref="CallFlowTestKit"/>, ready to run.</summary>
/// <typeparam name="TResult">The flow's result enum.</typeparam>
public sealed class TestCall<TResult>
    where TResult : struct, Enum
{
    private readonly CallFlowTestKit _kit;
    private readonly object _input;
    private readonly TestPhone? _caller;

    internal TestCall(CallFlowTestKit kit, object input, TestPhone? caller)
    {
        _kit = kit;
        _input = input;
        _caller = caller;
    }

    /// <summary>
    /// Runs the flow's orchestrator function on this call to its end, on virtual time and on the calling thread (there is
    /// nothing to await: timers fire as soon as nothing else is due), then replays it against its own history.
    /// </summary>
    /// <returns>The typed result, the outcome, the actions in order and the recorded run.</returns>
    /// <exception cref="OrchestrationStuckException">The flow waits for something nothing will ever deliver.</exception>
    /// <exception cref="NondeterministicOrchestrationException">The replay took other actions (<c>DateTime.Now</c>, <c>Guid.NewGuid</c>, I/O in the flow).</exception>
    /// <exception cref="OrchestrationTestException">The flow rang a phone or called an activity the test does not script.</exception>
    public CallFlowTestOutcome<TResult> RunToEnd() => _kit.Run<TResult>(_input, _caller);
}
