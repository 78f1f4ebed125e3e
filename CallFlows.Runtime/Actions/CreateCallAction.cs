using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: places a 1:1 outbound call (PSTN with caller id, ACS user, Teams user or app).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class CreateCallAction(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<CreateCallAction> logger)
{
    /// <summary>Places the call.</summary>
    /// <param name="input">Whom to call.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.CreateCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] CreateCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var invite = CallActionMapping.Invite(input.Target, input.CallerId, input.DisplayName);
        CallActionMapping.CopyHeaders(invite.CustomCallingContext, input.SipHeaders, input.VoipHeaders);
        var request = new CreateCallOptions(invite, options.Value.GetCallbackUri(input.InstanceId, input.Identity.RootSpanId))
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
            CallIntelligenceOptions = CallActionMapping.Intelligence(options.Value),
        };
        return CallActionRunner.RunAsync(logger, CallActionNames.CreateCall, input.Identity,
            async () => new CallActionOutput(Connection: CallActionMapping.Info((await client.CreateCallAsync(request)).Value.CallConnectionProperties)));
    }
}
