using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Contoso.CallCenter.Flows;

// A flow is one unit for its team: the flow, its settings and its results live in this one file.

/// <summary>Contoso's support line: answer, ring the agent on duty, else send the caller to the voicemail line.</summary>
[CallFlow(AnswerOnArrival = true)]
public sealed class SupportLine : InboundCallFlow<SupportLineSettings, SupportLineResult>
{
    /// <summary>The orchestrator function; its name is the flow's name in routing rules.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(SupportLine))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<SupportLine>(context);

    /// <inheritdoc />
    public override async Task<SupportLineResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, SupportLineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(settings);
        var agentAnswered = false;
        try
        {
            var call = await flow.AnswerAsync(incomingCall);
            var agent = CommunicationIdentifier.FromRawId(settings.AgentOnDuty!);
            var added = await call.AddParticipantAsync(agent, new AddParticipantFlowOptions { InvitationTimeout = settings.RingTime });
            if (!added.Succeeded)
            {
                var transferred = await call.TransferAsync(CommunicationIdentifier.FromRawId(settings.VoicemailLine!));
                return transferred.Succeeded ? SupportLineResult.Voicemail : SupportLineResult.Unreachable;
            }

            agentAnswered = true;
            await call.WaitForParticipantAsync(agent, TimeSpan.FromSeconds(10));    // the roster catches up with the answer
            await call.WaitUntilAsync(() => !call.Has(agent) || !call.Has(incomingCall.From!), settings.MaxCallDuration);
            await call.HangUpAsync(forEveryone: true);
            return SupportLineResult.AgentHelped;
        }
        catch (CallNotConnectedException)
        {
            return SupportLineResult.Unreachable;
        }
        catch (CallEndedException)
        {
            return agentAnswered ? SupportLineResult.AgentHelped : SupportLineResult.CallerHungUp;
        }
    }
}

/// <summary>The settings of <see cref="SupportLine"/> (its routing rule's <c>Settings</c>).</summary>
public sealed class SupportLineSettings
{
    /// <summary>The agent on duty (raw id). Required.</summary>
    [Required]
    public string? AgentOnDuty { get; set; }

    /// <summary>The voicemail line callers go to when the agent does not answer (raw id). Required.</summary>
    [Required]
    public string? VoicemailLine { get; set; }

    /// <summary>How long the agent's phone rings. Default 20 seconds.</summary>
    public TimeSpan RingTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest call. Default 30 minutes.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>How a support call ended.</summary>
public enum SupportLineResult
{
    /// <summary>The agent answered and helped the caller.</summary>
    [FlowOutcome("The agent on duty answered and helped the caller.", Succeeded = true)]
    AgentHelped,

    /// <summary>The agent did not answer; the caller went to voicemail.</summary>
    [FlowOutcome("The agent did not answer; the caller was sent to the voicemail line.", Succeeded = true)]
    Voicemail,

    /// <summary>The caller hung up before an agent answered.</summary>
    [FlowOutcome("The caller hung up before an agent answered.")]
    CallerHungUp,

    /// <summary>Neither the agent nor voicemail could take the call.</summary>
    [FlowOutcome("Neither the agent nor the voicemail line could take the call.")]
    Unreachable,
}
