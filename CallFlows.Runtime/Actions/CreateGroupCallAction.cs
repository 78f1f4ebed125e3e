using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: places one call to several targets (PSTN and VoIP).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class CreateGroupCallAction(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<CreateGroupCallAction> logger)
{
    /// <summary>Places the group call.</summary>
    /// <param name="input">Whom to call.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.CreateGroupCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] CreateGroupCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new CreateGroupCallOptions(input.Targets.Select(CallActionMapping.Identifier), options.Value.GetCallbackUri(input.InstanceId, input.Identity.RootSpanId))
        {
            SourceCallerIdNumber = CallActionMapping.PhoneNumber(input.CallerId, nameof(input.CallerId)),
            SourceDisplayName = input.DisplayName,
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        return CallActionRunner.RunAsync(logger, CallActionNames.CreateGroupCall, input.Identity,
            async () => new CallActionOutput(Connection: CallActionMapping.Info((await client.CreateGroupCallAsync(request)).Value.CallConnectionProperties)));
    }
}
