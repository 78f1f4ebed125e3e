using CallFlows.CallAutomation;
using CallFlows.Runtime;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Functions.Flows;

/// <summary>
/// The IVR every telephony team writes first: greet, ask for a department (up to three attempts on no input or an
/// invalid key), ring that department's agent while the caller hears hold music, announce and record the
/// conversation; when no agent answers, record a message. Each recording's file location ends up in the outcome.
/// </summary>
[CallFlow]
public sealed class IvrFlow : InboundCallFlow<IvrSettings, IvrResult>
{
    /// <summary>The orchestrator function: the flow's name is this function's name.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(IvrFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<IvrFlow>(context);

    /// <inheritdoc />
    public override async Task<IvrResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, IvrSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(settings);
        CallFlowCall call;
        try
        {
            call = await flow.AnswerAsync(incomingCall);
        }
        catch (CallNotConnectedException)
        {
            return IvrResult.AnswerFailed;
        }

        CallFlowRecording? recording = null;
        var reached = IvrResult.CallerHungUp;
        try
        {
            await call.PlayAsync(Prompt.Text(settings.Greeting));              // a greeting that fails to play is not worth losing the caller over
            var keys = settings.Departments.Keys.Order(StringComparer.Ordinal).ToArray();
            var choice = await call.AskAsync(Prompt.Text(settings.Menu), Menu.Dtmf(keys), settings.Attempts,
                new AskFlowOptions { InvalidInputPrompt = Prompt.Text(settings.InvalidChoice) });
            if (!choice.Matched)
            {
                var failed = choice.Status is RecognizeStatus.Failed or RecognizeStatus.TimedOut;
                flow.SetOutcomeDetail($"After {choice.Attempts} attempt(s): {choice.Describe()}.", choice.Failure);
                if (!failed)
                {
                    await call.PlayAsync(Prompt.Text(settings.Goodbye));
                }

                await call.HangUpAsync(forEveryone: true);
                return failed ? IvrResult.MenuFailed : IvrResult.NoChoice;
            }

            var agent = CommunicationIdentifier.FromRawId(settings.Departments[choice.Choice!]);
            await call.HoldAsync(Prompt.File(settings.HoldMusicUrl));
            var added = await call.AddParticipantAsync(agent, new AddParticipantFlowOptions
            {
                InvitationTimeout = settings.RingTime,
                Timeout = settings.RingTime + TimeSpan.FromSeconds(10),
            });
            if (!added.Succeeded)
            {
                if (added.TimedOut && added.InvitationId is not null)
                {
                    await call.CancelAddParticipantAsync(added.InvitationId);
                }

                await call.UnholdAsync();
                reached = IvrResult.Voicemail;
                await call.PlayAsync(Prompt.Text(settings.VoicemailPrompt));
                recording = (await call.StartRecordingAsync()).Recording;
                if (!await call.WaitForEndAsync(settings.MaxMessageLength))
                {
                    await call.HangUpAsync(forEveryone: true);                  // ends the recording too
                }
            }
            else
            {
                reached = IvrResult.AgentConnected;
                await call.UnholdAsync();
                await call.PlayAsync(Prompt.Text(settings.RecordingAnnouncement));
                recording = (await call.StartRecordingAsync()).Recording;
                await call.WaitUntilAsync(() => !call.Has(agent) || !call.Has(incomingCall.From!), settings.MaxCallDuration);
                await call.HangUpAsync(forEveryone: true);
            }
        }
        catch (CallEndedException)
        {
            // The caller (or the agent's last leave) ended the call: what was reached decides the result.
        }

        if (recording is not null)
        {
            var file = await call.WaitForRecordingFileAsync(recording, settings.RecordingFileWait);
            flow.SetOutcomeDetail(file?.ContentLocation is { } location
                ? $"Recording {recording.RecordingId} is at {location}."
                : $"Recording {recording.RecordingId}: no file was announced within {settings.RecordingFileWait.TotalSeconds:0} s.");
        }

        return reached;
    }

    /// <inheritdoc />
    protected override IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(IvrSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, agent) in settings.Departments)
        {
            if (key.Length != 1 || !"0123456789*#".Contains(key[0], StringComparison.Ordinal))
            {
                yield return new($"Departments:{key}: the key must be one of 0-9, * or #.", [nameof(IvrSettings.Departments)]);
            }

            if (string.IsNullOrWhiteSpace(agent))
            {
                yield return new($"Departments:{key}: is required (an agent raw id such as 8:acs:...).", [nameof(IvrSettings.Departments)]);
            }
        }
    }
}
