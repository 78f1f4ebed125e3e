using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>The test kit of an outbound flow (started by <c>POST /api/calls</c>): start it with an input and run it to its end on virtual time.</summary>
/// <typeparam name="TInput">The flow's input (the request body).</typeparam>
/// <typeparam name="TResult">The flow's result enum.</typeparam>
public sealed class OutboundCallFlowTestKit<TInput, TResult> : CallFlowTestKit
    where TInput : class
    where TResult : struct, Enum
{
    internal OutboundCallFlowTestKit(Type flowType, OrchestrationDriverOptions? options)
        : base(flowType, options)
    {
    }

    /// <summary>The flow started with <paramref name="input"/>, as <c>POST /api/calls</c> would start it.</summary>
    /// <param name="input">The flow's input.</param>
    /// <returns>The call, to run with <see cref="TestCall{TResult}.RunToEnd"/>.</returns>
    public TestCall<TResult> Start(TInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new TestCall<TResult>(this, input, null);
    }
}
