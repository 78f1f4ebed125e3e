using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Actions;

/// <summary>Activities of call recording: start (with this instance's callback URI for its state events), pause, resume, stop.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RecordingActions(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<RecordingActions> logger)
{
    /// <summary>Starts recording the call.</summary>
    /// <param name="input">The call and the recording's shape.</param>
    /// <returns>The recording id, or ACS's refusal as data.</returns>
    [Function(CallActionNames.StartRecording)]
    public Task<CallActionOutput> StartAsync([ActivityTrigger] StartRecordingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new StartRecordingOptions(input.CallConnectionId)
        {
            RecordingStateCallbackUri = options.Value.GetCallbackUri(input.InstanceId, input.Identity.RootSpanId),
            RecordingContent = input.Content,
            RecordingChannel = input.Channel,
            RecordingFormat = input.Format,
            PauseOnStart = input.PauseOnStart ? true : null,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        return CallActionRunner.RunAsync(logger, CallActionNames.StartRecording, input.Identity,
            async () => new CallActionOutput(RecordingId: (await client.GetCallRecording().StartAsync(request)).Value.RecordingId));
    }

    /// <summary>Pauses a recording.</summary>
    /// <param name="input">The recording.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.PauseRecording)]
    public Task<CallActionOutput> PauseAsync([ActivityTrigger] RecordingControlInput input) =>
        Run(CallActionNames.PauseRecording, input, id => client.GetCallRecording().PauseAsync(id));

    /// <summary>Resumes a recording.</summary>
    /// <param name="input">The recording.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.ResumeRecording)]
    public Task<CallActionOutput> ResumeAsync([ActivityTrigger] RecordingControlInput input) =>
        Run(CallActionNames.ResumeRecording, input, id => client.GetCallRecording().ResumeAsync(id));

    /// <summary>Stops a recording; its file is announced later by <c>RecordingFileStatusUpdated</c> over Event Grid.</summary>
    /// <param name="input">The recording.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.StopRecording)]
    public Task<CallActionOutput> StopAsync([ActivityTrigger] RecordingControlInput input) =>
        Run(CallActionNames.StopRecording, input, id => client.GetCallRecording().StopAsync(id));

    private Task<CallActionOutput> Run(string name, RecordingControlInput input, Func<string, Task<Azure.Response>> send)
    {
        ArgumentNullException.ThrowIfNull(input);
        return CallActionRunner.RunAsync(logger, name, input.Identity, async () =>
        {
            await send(input.RecordingId);
            return CallActionOutput.Accepted;
        });
    }
}
