using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: plays a prompt to the call or to one participant.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class PlayAction(CallAutomationClient client, ILogger<PlayAction> logger)
{
    /// <summary>Starts the play; <c>PlayCompleted</c> / <c>PlayFailed</c> arrive as callback events.</summary>
    /// <param name="input">What to play.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.Play)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] PlayInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var playTo = input.PlayTo is null ? [] : new[] { CommunicationIdentifier.FromRawId(input.PlayTo) };
        var request = new PlayOptions([MediaMapping.Source(input.Prompt)], playTo)
        {
            Loop = input.Loop,
            InterruptCallMediaOperation = input.Interrupt ? true : null,
            OperationContext = input.Identity.OperationContext,
        };
        var media = client.GetCallConnection(input.CallConnectionId).GetCallMedia();
        return CallActionRunner.RunAsync(logger, CallActionNames.Play, input.Identity,
            async () =>
            {
                await media.PlayAsync(request);
                return CallActionOutput.Accepted;
            });
    }
}
