using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CallFlows.Functions.Actions;

/// <summary>Activity: lists the participants of a call.</summary>
/// <param name="client">The Call Automation client.</param>
/// <param name="logger">The logger.</param>
public sealed class GetParticipantsAction(CallAutomationClient client, ILogger<GetParticipantsAction> logger)
{
    /// <summary>Lists the participants.</summary>
    /// <param name="input">The call.</param>
    /// <returns>The participants.</returns>
    [Function(CallActionNames.GetParticipants)]
    public Task<IReadOnlyList<ParticipantInfo>> RunAsync([ActivityTrigger] GetParticipantsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var connection = client.GetCallConnection(input.CallConnectionId);
        return CallActionRunner.RunAsync<IReadOnlyList<ParticipantInfo>>(logger, CallActionNames.GetParticipants, null,
            async () => (await connection.GetParticipantsAsync()).Value.Select(CallActionMapping.Participant).ToList());
    }
}
