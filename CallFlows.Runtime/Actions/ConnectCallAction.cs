using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: joins an existing call (server call, group call or room).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ConnectCallAction(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<ConnectCallAction> logger)
{
    /// <summary>Joins the call.</summary>
    /// <param name="input">The call to join.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.ConnectCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] ConnectCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = new ConnectCallOptions(CallActionMapping.Locator(input.LocatorKind, input.LocatorId), options.Value.GetCallbackUri(input.InstanceId, input.Identity.RootSpanId))
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
        };
        return CallActionRunner.RunAsync(logger, CallActionNames.ConnectCall, input.Identity,
            async () => new CallActionOutput(Connection: CallActionMapping.Info((await client.ConnectCallAsync(request)).Value.CallConnectionProperties)));
    }
}
