using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Testing.KitFlows;

/// <summary>A flow that breaks the determinism rule: it keeps state across runs, so its replay rings another agent.</summary>
public sealed class NondeterministicFlow : InboundCallFlow<KitFlowSettings, KitFlowResult>
{
    static int runs;

    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(NondeterministicFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<NondeterministicFlow>(context);

    /// <inheritdoc />
    public override async Task<KitFlowResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, KitFlowSettings settings)
    {
        var call = await flow.AnswerAsync(incomingCall);
        var agent = Interlocked.Increment(ref runs) % 2 == 1 ? "8:acs:agent-odd" : "8:acs:agent-even";
        var added = await call.AddParticipantAsync(CommunicationIdentifier.FromRawId(agent));
        await call.HangUpAsync(forEveryone: true);
        return added.Succeeded ? KitFlowResult.AgentJoined : KitFlowResult.NoAgent;
    }
}
