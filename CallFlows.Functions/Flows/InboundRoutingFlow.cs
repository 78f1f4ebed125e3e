using CallFlows.CallAutomation;
using CallFlows.Functions.Configuration;
using CallFlows.Functions.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>
/// Inbound routing: answer, invite the agent with an invitation timeout; when the agent declines, is busy or does not
/// answer, cancel a still-pending invitation and fall back to a transfer (with custom headers) or a hang-up, as the
/// routing rule's settings say.
/// </summary>
public static class InboundRoutingFlow
{
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(FlowNames.InboundRouting)]
    public static async Task<CallFlowOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var flow = context.CreateCallFlow();
        var input = flow.GetInput<InboundCallInput>();
        var settings = input.Settings ?? new InboundRouteSettings();

        var call = await flow.AnswerAsync(input.IncomingCall, settings.AnswerTimeout);
        if (!call.IsConnected)
        {
            if (call.Connection?.Status == CallFlowActionStatus.TimedOut)
            {
                await call.HangUpAsync(forEveryone: true, ActionTimeout);
            }

            return flow.Complete(InboundRoutingFlowResult.AnswerFailed, false, call, cause: call.Connection);
        }

        var agent = CommunicationIdentifier.FromRawId(settings.Agent!);
        var invite = new AddParticipantFlowOptions
        {
            InvitationTimeout = settings.AgentInvitationTimeout,
            CallerId = AgentCallerId(settings, input.IncomingCall, agent),
        };
        var added = await call.AddParticipantAsync(agent, invite, settings.AgentWaitTimeout);
        switch (added.Status)
        {
            case CallFlowActionStatus.Succeeded:
                return await StayWithAgentAsync(flow, call, settings, input.IncomingCall, agent);
            case CallFlowActionStatus.CallDisconnected:
                return flow.Complete(InboundRoutingFlowResult.CallerHungUp, false, call, "The caller hung up while the agent was invited.");
            case CallFlowActionStatus.TimedOut when added.InvitationId is not null:
                // ACS has not given up on the invitation yet: withdraw it so the agent's phone stops ringing.
                var cancelled = await call.CancelAddParticipantAsync(added.InvitationId, ActionTimeout);
                if (!cancelled.Succeeded && call.HasParticipant(agent))
                {
                    return await StayWithAgentAsync(flow, call, settings, input.IncomingCall, agent);
                }

                break;
        }

        if (call.IsDisconnected)
        {
            return flow.Complete(InboundRoutingFlowResult.CallerHungUp, false, call, "The caller hung up before an agent joined.");
        }

        return settings.OnNoAgent == NoAgentAction.Transfer
            ? await TransferToFallbackAsync(flow, call, settings, added)
            : await HangUpAsync(flow, call, InboundRoutingFlowResult.HungUpNoAgent, added);
    }

    private static async Task<CallFlowOutcome> StayWithAgentAsync(CallFlow flow, CallFlowCall call, InboundRouteSettings settings, IncomingCall incoming, CommunicationIdentifier agent)
    {
        // The app stays in the call as its third party: when the caller or the agent leaves, the call is over for the
        // other one too, so the flow ends it for everyone (ACS would otherwise keep the remaining party connected).
        await call.WaitForParticipantAsync(agent, ActionTimeout);
        var caller = incoming.From?.RawId;
        var someoneLeft = await call.WaitForRosterAsync(
            roster => !roster.Any(p => p.Identifier?.RawId == agent.RawId) || (caller is not null && !roster.Any(p => p.Identifier?.RawId == caller)),
            settings.MaxCallDuration);
        switch (someoneLeft.Status)
        {
            case CallFlowActionStatus.CallDisconnected:
                return flow.Complete(InboundRoutingFlowResult.AgentConnected, true, call, "The agent joined; the call ended normally.");
            case CallFlowActionStatus.TimedOut:
                await call.HangUpAsync(forEveryone: true, ActionTimeout);
                return flow.Complete(InboundRoutingFlowResult.AgentConnected, true, call, "The call reached its maximum duration and was ended.");
            default:
                var leaver = call.HasParticipant(agent) ? "caller" : "agent";
                await call.HangUpAsync(forEveryone: true, ActionTimeout);
                return flow.Complete(InboundRoutingFlowResult.AgentConnected, true, call, $"The agent joined; the {leaver} left and the call was ended.");
        }
    }

    private static async Task<CallFlowOutcome> TransferToFallbackAsync(CallFlow flow, CallFlowCall call, InboundRouteSettings settings, CallFlowActionResult noAgent)
    {
        var transfer = new TransferFlowOptions();
        foreach (var (key, value) in settings.FallbackSipHeaders)
        {
            transfer.CustomCallingContext.AddSipX(key, value);
        }

        if (settings.FallbackUui is not null)
        {
            transfer.CustomCallingContext.AddSipUui(settings.FallbackUui);
        }

        foreach (var (key, value) in settings.FallbackVoipHeaders)
        {
            transfer.CustomCallingContext.AddVoip(key, value);
        }

        var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId(settings.FallbackTarget!), transfer, ActionTimeout);
        if (transferred.Succeeded)
        {
            // A 1:1 transfer takes the app out of the call; CallDisconnected normally follows.
            await call.WaitForDisconnectAsync(ActionTimeout);
            return flow.Complete(InboundRoutingFlowResult.TransferredToFallback, true, call, $"No agent ({noAgent}); transferred to {settings.FallbackTarget}.");
        }

        if (transferred.Status == CallFlowActionStatus.CallDisconnected)
        {
            return flow.Complete(InboundRoutingFlowResult.CallerHungUp, false, call, "The caller hung up during the fallback transfer.");
        }

        return await HangUpAsync(flow, call, InboundRoutingFlowResult.FallbackTransferFailed, transferred);
    }

    private static async Task<CallFlowOutcome> HangUpAsync(CallFlow flow, CallFlowCall call, InboundRoutingFlowResult result, CallFlowActionResult cause)
    {
        await call.HangUpAsync(forEveryone: true, ActionTimeout);
        return flow.Complete(result, result == InboundRoutingFlowResult.HungUpNoAgent, call, cause: cause);
    }

    private static PhoneNumberIdentifier? AgentCallerId(InboundRouteSettings settings, IncomingCall incoming, CommunicationIdentifier agent)
    {
        if (agent is not PhoneNumberIdentifier)
        {
            return null;
        }

        // A PSTN agent needs a caller id owned by the resource: the configured one, else the number that was called.
        return settings.AgentCallerId is { } configured
            ? CommunicationIdentifier.FromRawId(configured) as PhoneNumberIdentifier
            : incoming.To as PhoneNumberIdentifier;
    }
}
