using Microsoft.DurableTask;

namespace CallFlows.Functions.Runtime;

/// <summary>Entry point of the typed flow API.</summary>
public static class CallFlowContextExtensions
{
    /// <summary>Creates the call-flow runtime of this orchestration. Call it once, at the top of the orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The runtime.</returns>
    public static CallFlow CreateCallFlow(this TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CallFlow(context);
    }
}
