using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Testing.KitFlows;

/// <summary>A user's flow that asks its own activity which agent to ring (not [CallFlow]: the test assembly is no app).</summary>
public sealed class CrmLookupFlow : InboundCallFlow<KitFlowSettings, KitFlowResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(CrmLookupFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<CrmLookupFlow>(context);

    /// <inheritdoc />
    public override async Task<KitFlowResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, KitFlowSettings settings)
    {
        var call = await flow.AnswerAsync(incomingCall);
        var agent = await flow.CallActivityAsync<string>("LookUpAgent", settings.CustomerId);
        var added = await call.AddParticipantAsync(CommunicationIdentifier.FromRawId(agent));
        await call.HangUpAsync(forEveryone: true);
        return added.Succeeded ? KitFlowResult.AgentJoined : KitFlowResult.NoAgent;
    }
}
