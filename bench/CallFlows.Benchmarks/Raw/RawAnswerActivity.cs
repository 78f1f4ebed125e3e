using Azure;
using CallFlows.CallAutomation;
using Microsoft.DurableTask;

namespace CallFlows.Benchmarks.Raw;

/// <summary>Raw activity: answers the call with the CallFlows.CallAutomation client.</summary>
/// <param name="acs">The raw flow's client.</param>
internal sealed class RawAnswerActivity(RawAcs acs) : TaskActivity<RawCallInput, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, RawCallInput input)
    {
        Response<AnswerCallResult> answered = await acs.Client.AnswerCallAsync(input.IncomingCallContext, new Uri(input.CallbackUri));
        return answered.Value.CallConnectionProperties.CallConnectionId!;
    }
}
