using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>Answer, try the first agent, then the second, then transfer to the queue line (the flow of docs/WRITING-FLOWS.md).</summary>
[CallFlow(AnswerOnArrival = true)]
public sealed class TwoAgentsFlow : InboundCallFlow<TwoAgentsSettings, TwoAgentsResult>
{
    /// <summary>The orchestrator function: the flow's name is this function's name.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(TwoAgentsFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<TwoAgentsFlow>(context);

    /// <inheritdoc />
    public override async Task<TwoAgentsResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, TwoAgentsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(settings);
        CallFlowCall call;
        try
        {
            call = await flow.AnswerAsync(incomingCall);                              // 15 s for CallConnected by default
        }
        catch (CallNotConnectedException)
        {
            return TwoAgentsResult.AnswerFailed;
        }

        var agentConnected = false;
        try
        {
            foreach (var agent in settings.Agents.Select(CommunicationIdentifier.FromRawId))
            {
                var added = await call.AddParticipantAsync(agent, new AddParticipantFlowOptions
                {
                    InvitationTimeout = settings.RingTime,
                    Timeout = settings.RingTime + TimeSpan.FromSeconds(10),         // the flow's own bound, above ACS's ring time
                });
                if (added.Succeeded)
                {
                    agentConnected = true;
                    // ACS keeps the others connected when one party leaves: when the caller or the agent leaves,
                    // end the call for everyone (the app is the call's third party).
                    await call.WaitForParticipantAsync(agent, TimeSpan.FromSeconds(10));
                    await call.WaitUntilAsync(() => !call.Has(agent) || !call.Has(incomingCall.From!), settings.MaxCallDuration);
                    await call.HangUpAsync(forEveryone: true);
                    return TwoAgentsResult.AgentConnected;
                }

                if (added.TimedOut && added.InvitationId is not null)
                {
                    await call.CancelAddParticipantAsync(added.InvitationId);
                }

                // Failed: declined (603), busy (486), not answered (487/480): added.Failure says which.
            }

            var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId(settings.QueueLine));
            return transferred.Succeeded ? TwoAgentsResult.Queued : TwoAgentsResult.QueueFailed;
        }
        catch (CallEndedException)
        {
            // The one place a hang-up is handled, whenever it came.
            return agentConnected ? TwoAgentsResult.AgentConnected : TwoAgentsResult.CallerHungUp;
        }
    }
}
