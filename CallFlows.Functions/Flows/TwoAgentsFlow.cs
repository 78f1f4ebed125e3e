using CallFlows.CallAutomation;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>How <c>TwoAgentsFlow</c> ended.</summary>
public enum TwoAgentsResult
{
    /// <summary>An agent answered; the call ended after they talked.</summary>
    AgentConnected,

    /// <summary>The caller hung up before an agent answered.</summary>
    CallerHungUp,

    /// <summary>No agent answered; the caller was transferred to the queue line.</summary>
    Queued,

    /// <summary>No agent answered and the transfer to the queue line failed.</summary>
    QueueFailed,

    /// <summary>The call could not be answered.</summary>
    AnswerFailed,
}

/// <summary>Answer, try the first agent, then the second, then transfer to the queue line.</summary>
public static class TwoAgentsFlow
{
    /// <summary>The orchestrator.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.TwoAgents)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var flow = context.CreateCallFlow();                           // pump, inbox, roster, timeline, custom status
        var input = flow.GetInput<InboundCallInput>();                  // the IncomingCall + the routing rule's settings

        var call = await flow.AnswerAsync(input.IncomingCall, TimeSpan.FromSeconds(15));
        if (!call.IsConnected)
        {
            return flow.Complete(TwoAgentsResult.AnswerFailed, false, call, cause: call.Connection);
        }

        foreach (var agent in new[] { "8:acs:contoso_agent-1", "8:acs:contoso_agent-2" })    // real code: from settings
        {
            var added = await call.AddParticipantAsync(
                CommunicationIdentifier.FromRawId(agent),
                new AddParticipantFlowOptions { InvitationTimeout = TimeSpan.FromSeconds(15) },
                timeout: TimeSpan.FromSeconds(25));                     // the flow's own bound, above ACS's ring time

            switch (added.Status)
            {
                case CallFlowActionStatus.Succeeded:
                    // ACS keeps the others connected when one party leaves: when the caller or the agent leaves,
                    // end the call for everyone (the app is the call's third party).
                    string? caller = input.IncomingCall.From?.RawId;
                    await call.WaitForParticipantAsync(CommunicationIdentifier.FromRawId(agent), TimeSpan.FromSeconds(10));
                    var left = await call.WaitForRosterAsync(
                        roster => !roster.Any(p => p.Identifier?.RawId == agent) || !roster.Any(p => p.Identifier?.RawId == caller),
                        TimeSpan.FromHours(1));                         // the longest call you allow
                    if (left.Status != CallFlowActionStatus.CallDisconnected)
                    {
                        await call.HangUpAsync(forEveryone: true, TimeSpan.FromSeconds(10));
                    }

                    return flow.Complete(TwoAgentsResult.AgentConnected, true, call);
                case CallFlowActionStatus.CallDisconnected:
                    return flow.Complete(TwoAgentsResult.CallerHungUp, false, call);
                case CallFlowActionStatus.TimedOut when added.InvitationId is not null:
                    await call.CancelAddParticipantAsync(added.InvitationId, TimeSpan.FromSeconds(10));
                    break;
                // Failed: declined (603), busy (486), not answered (487/480): added.ResultCode says which.
            }
        }

        var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId("4:+14255550199"), null, TimeSpan.FromSeconds(30));
        return transferred.Succeeded
            ? flow.Complete(TwoAgentsResult.Queued, true, call)
            : flow.Complete(TwoAgentsResult.QueueFailed, false, call, cause: transferred);
    }
}
