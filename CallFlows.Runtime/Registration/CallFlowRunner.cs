using Microsoft.DurableTask;

namespace CallFlows.Runtime;

/// <summary>Runs a registered flow from its orchestrator function.</summary>
public static class CallFlowRunner
{
    /// <summary>
    /// Runs <typeparamref name="TFlow"/> in this orchestration: reads its input, gives it a <see cref="CallFlowContext"/>,
    /// and turns its result into the <see cref="CallFlowOutcome"/> the instance outputs. A <see cref="CallEndedException"/>
    /// or <see cref="CallNotConnectedException"/> the flow lets escape becomes the outcome <c>CallEnded</c> /
    /// <c>NotConnected</c>; any other exception ends a still-connected call (transfer to
    /// <see cref="CallFlowsOptions.FailedFlowTarget"/>, else hang up for everyone), is logged, and fails the instance.
    /// </summary>
    /// <typeparam name="TFlow">The flow class.</typeparam>
    /// <param name="context">The orchestration context from the <c>[OrchestrationTrigger]</c>.</param>
    /// <returns>The outcome.</returns>
    public static Task<CallFlowOutcome> RunAsync<TFlow>(TaskOrchestrationContext context)
        where TFlow : CallFlowBase, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TFlow().ExecuteAsync(context);
    }
}
