using Microsoft.DurableTask;

namespace CallFlows.Benchmarks.Raw;

/// <summary>Raw activity: ends the call for everyone with the CallFlows.CallAutomation client.</summary>
/// <param name="acs">The raw flow's client.</param>
internal sealed class RawHangUpActivity(RawAcs acs) : TaskActivity<RawActionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RawActionInput input)
    {
        await acs.Client.GetCallConnection(input.CallConnectionId).HangUpAsync(forEveryone: true);
        return true;
    }
}
