using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: redirects an incoming call to another target (no callback events follow).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RedirectCallAction(CallAutomationClient client, ILogger<RedirectCallAction> logger)
{
    /// <summary>Redirects the call.</summary>
    /// <param name="input">The call and the target.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.RedirectCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] RedirectCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var target = CallActionMapping.Identifier(input.Target);
        // A redirect carries only the target on the wire; the invite's caller id is never sent, so any number will do.
        var invite = target is PhoneNumberIdentifier phone ? new CallInvite(phone, phone) : CallActionMapping.Invite(input.Target, null, null);
        var request = new RedirectCallOptions(input.IncomingCallContext, invite) { RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders() };
        return CallActionRunner.RunAsync(logger, CallActionNames.RedirectCall, input.Identity, async () =>
        {
            await client.RedirectCallAsync(request);
            return CallActionOutput.Accepted;
        });
    }
}
