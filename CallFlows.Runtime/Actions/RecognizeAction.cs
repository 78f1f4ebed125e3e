using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: recognizes keys, speech or choices (with its prompt).</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RecognizeAction(CallAutomationClient client, ILogger<RecognizeAction> logger)
{
    /// <summary>Starts recognizing; <c>RecognizeCompleted</c> / <c>RecognizeFailed</c> arrive as callback events.</summary>
    /// <param name="input">What to listen for.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data (e.g. 405/8522 without Cognitive Services).</returns>
    [Function(CallActionNames.Recognize)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] RecognizeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = MediaMapping.Recognize(input);
        var media = client.GetCallConnection(input.CallConnectionId).GetCallMedia();
        return CallActionRunner.RunAsync(logger, CallActionNames.Recognize, input.Identity,
            async () =>
            {
                await media.StartRecognizingAsync(request);
                return CallActionOutput.Accepted;
            });
    }
}
