using Azure;
using CallFlows.CallAutomation;
using Microsoft.DurableTask;

namespace CallFlows.Benchmarks.Raw;

/// <summary>Raw activity: invites the agent (an ACS user) with the CallFlows.CallAutomation client.</summary>
/// <param name="acs">The raw flow's client.</param>
internal sealed class RawAddParticipantActivity(RawAcs acs) : TaskActivity<RawActionInput, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, RawActionInput input)
    {
        var invite = new CallInvite(new CommunicationUserIdentifier(input.ParticipantRawId!));
        Response<AddParticipantResult> added = await acs.Client.GetCallConnection(input.CallConnectionId)
            .AddParticipantAsync(new AddParticipantOptions(invite) { InvitationTimeoutInSeconds = 20 });
        return added.Value.InvitationId ?? string.Empty;
    }
}
