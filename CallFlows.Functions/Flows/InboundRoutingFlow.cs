using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>
/// Inbound routing: answer, invite the agent with an invitation timeout; when the agent declines, is busy or does not
/// answer, cancel a still-pending invitation and fall back to a transfer (with custom headers) or a hang-up, as the
/// routing rule's settings say.
/// </summary>
[CallFlow(AnswerOnArrival = true)]
public sealed class InboundRoutingFlow : InboundCallFlow<InboundRouteSettings, InboundRoutingFlowResult>
{
    private static readonly CallActionOptions ActionOptions = new();

    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(InboundRoutingFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<InboundRoutingFlow>(context);

    /// <inheritdoc />
    public override async Task<InboundRoutingFlowResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, InboundRouteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(settings);
        CallFlowCall call;
        try
        {
            call = await flow.AnswerAsync(incomingCall, new AnswerOptions { Timeout = settings.AnswerTimeout });
        }
        catch (CallNotConnectedException)
        {
            return InboundRoutingFlowResult.AnswerFailed;
        }

        var agentJoined = false;
        try
        {
            var agent = CommunicationIdentifier.FromRawId(settings.Agent!);
            var invite = new AddParticipantFlowOptions
            {
                InvitationTimeout = settings.AgentInvitationTimeout,
                CallerId = AgentCallerId(settings, incomingCall, agent),
                Timeout = settings.AgentWaitTimeout,
            };
            var added = await call.AddParticipantAsync(agent, invite);
            agentJoined = added.Succeeded;
            if (!agentJoined && added.TimedOut && added.InvitationId is not null)
            {
                // ACS has not given up on the invitation yet: withdraw it so the agent's phone stops ringing.
                var cancelled = await call.CancelAddParticipantAsync(added.InvitationId);
                agentJoined = !cancelled.Succeeded && call.Has(agent);
            }

            if (agentJoined)
            {
                return await StayWithAgentAsync(flow, call, settings, incomingCall, agent);
            }

            flow.SetOutcomeDetail("No agent: " + added.Describe() + ".", added.Failure);
            return settings.OnNoAgent == NoAgentAction.Transfer
                ? await TransferToFallbackAsync(flow, call, settings)
                : await HangUpAsync(call, InboundRoutingFlowResult.HungUpNoAgent);
        }
        catch (CallEndedException)
        {
            // The one place a hang-up is handled: after the agent joined it is the normal end of the call.
            if (agentJoined)
            {
                flow.SetOutcomeDetail("The agent joined; the call ended normally.");
                return InboundRoutingFlowResult.AgentConnected;
            }

            return InboundRoutingFlowResult.CallerHungUp;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<ValidationResult> Validate(InboundRouteSettings settings) => settings.Check();

    private static async Task<InboundRoutingFlowResult> StayWithAgentAsync(CallFlowContext flow, CallFlowCall call, InboundRouteSettings settings, IncomingCall incoming, CommunicationIdentifier agent)
    {
        // The app stays in the call as its third party: when the caller or the agent leaves, the call is over for the
        // other one too, so the flow ends it for everyone (ACS would otherwise keep the remaining party connected).
        await call.WaitForParticipantAsync(agent, TimeSpan.FromSeconds(30));
        var caller = incoming.From;
        var someoneLeft = await call.WaitUntilAsync(() => !call.Has(agent) || (caller is not null && !call.Has(caller)), settings.MaxCallDuration);
        var leaver = call.Has(agent) ? "caller" : "agent";
        await call.HangUpAsync(forEveryone: true, ActionOptions);
        flow.SetOutcomeDetail(someoneLeft
            ? $"The agent joined; the {leaver} left and the call was ended."
            : "The call reached its maximum duration and was ended.");
        return InboundRoutingFlowResult.AgentConnected;
    }

    private static async Task<InboundRoutingFlowResult> TransferToFallbackAsync(CallFlowContext flow, CallFlowCall call, InboundRouteSettings settings)
    {
        var transfer = new TransferOptions();
        settings.AddFallbackHeaders(transfer.CustomCallingContext);
        var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId(settings.FallbackTarget!), transfer);
        if (!transferred.Succeeded)
        {
            flow.SetOutcomeDetail("The fallback transfer " + transferred.Describe() + ".", transferred.Failure);
            return await HangUpAsync(call, InboundRoutingFlowResult.FallbackTransferFailed);
        }

        // A 1:1 transfer takes the app out of the call: the end of its leg normally follows.
        await call.WaitForEndAsync(ActionOptions.Timeout);
        flow.SetOutcomeDetail($"No agent; transferred to {settings.FallbackTarget}.");
        return InboundRoutingFlowResult.TransferredToFallback;
    }

    private static async Task<InboundRoutingFlowResult> HangUpAsync(CallFlowCall call, InboundRoutingFlowResult result)
    {
        await call.HangUpAsync(forEveryone: true, ActionOptions);
        return result;
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
