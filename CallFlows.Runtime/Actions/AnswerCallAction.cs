using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Actions;

/// <summary>Activity: answers an incoming call with this instance's callback URI.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="options">The app settings.</param>
/// <param name="logger">The logger.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class AnswerCallAction(CallAutomationClient client, IOptions<CallFlowsOptions> options, ILogger<AnswerCallAction> logger)
{
    /// <summary>Answers the call.</summary>
    /// <param name="input">The call to answer.</param>
    /// <returns>The accepted request's output, or ACS's refusal as data.</returns>
    [Function(CallActionNames.AnswerCall)]
    public Task<CallActionOutput> RunAsync([ActivityTrigger] AnswerCallInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = Request(input, options.Value);
        return CallActionRunner.RunAsync(logger, CallActionNames.AnswerCall, input.Identity,
            async () => new CallActionOutput(Connection: CallActionMapping.Info((await client.AnswerCallAsync(request)).Value.CallConnectionProperties)));
    }

    /// <summary>
    /// The answer request of an input: the one mapping behind the flow's answer and the webhook's answer on arrival,
    /// which must be byte-identical for ACS repeatability to treat the second as a repeat of the first.
    /// </summary>
    /// <param name="input">The answer's input.</param>
    /// <param name="options">The app settings.</param>
    /// <returns>The request.</returns>
    internal static AnswerCallOptions Request(AnswerCallInput input, CallFlowsOptions options) =>
        new(input.IncomingCallContext, options.GetCallbackUri(input.InstanceId, input.Identity.RootSpanId))
        {
            OperationContext = input.Identity.OperationContext,
            RepeatabilityHeaders = input.Identity.ToRepeatabilityHeaders(),
            CallIntelligenceOptions = CallActionMapping.Intelligence(options),
            AnsweredBy = string.IsNullOrEmpty(input.AnsweredBy) ? null : new CommunicationUserIdentifier(input.AnsweredBy),
        };
}
