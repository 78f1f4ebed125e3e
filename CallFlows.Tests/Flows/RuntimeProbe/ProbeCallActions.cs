using CallFlows.Functions.Actions;
using Microsoft.Azure.Functions.Worker;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>
/// The ACS edge of the runtime probe: activities with the runtime's action names that accept every request (the
/// test then plays the service's callback events into the instance). Targets steer failures: a target starting
/// with <c>8:acs:flaky</c> fails transiently once, <c>8:acs:forbidden</c> is refused with 403, and an add of
/// <c>8:acs:slow*</c> returns only when the test opens the call's gate.
/// </summary>
public static class ProbeCallActions
{
    [Function(CallActionNames.CreateCall)]
    public static CallConnectionInfo CreateCall([ActivityTrigger] CreateCallInput input)
    {
        var connectionId = ConnectionIdFor(input.InstanceId);
        var attempt = Record(connectionId, CallActionNames.CreateCall, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Target);
        if (input.Target.StartsWith("8:acs:flaky", StringComparison.Ordinal) && attempt == 1)
        {
            throw new CallActionTransientException($"{CallActionTransientException.Marker} CreateCall failed with HTTP 503 (ServiceUnavailable): try again");
        }

        return new CallConnectionInfo(connectionId, "server-" + input.InstanceId, "corr-" + input.InstanceId, "Connecting");
    }

    [Function(CallActionNames.AddParticipant)]
    public static async Task<AddParticipantOutput> AddParticipant([ActivityTrigger] AddParticipantInput input)
    {
        Record(input.CallConnectionId, CallActionNames.AddParticipant, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Participant);
        if (input.Participant.StartsWith("8:acs:slow", StringComparison.Ordinal))
        {
            // Like ACS answering 202 late: the test raises the outcome event before this activity returns.
            await ProbeRecorder.Gate(input.CallConnectionId).Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return new AddParticipantOutput("inv-" + input.Identity.OperationContext, input.Participant);
    }

    [Function(CallActionNames.CancelAddParticipant)]
    public static string CancelAddParticipant([ActivityTrigger] CancelAddParticipantInput input)
    {
        Record(input.CallConnectionId, CallActionNames.CancelAddParticipant, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.InvitationId);
        return input.InvitationId;
    }

    [Function(CallActionNames.RemoveParticipant)]
    public static string RemoveParticipant([ActivityTrigger] RemoveParticipantInput input)
    {
        Record(input.CallConnectionId, CallActionNames.RemoveParticipant, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Participant);
        if (input.Participant.StartsWith("8:acs:forbidden", StringComparison.Ordinal))
        {
            throw new CallActionRejectedException(CallActionNames.RemoveParticipant, 403, "Forbidden", "not allowed", new InvalidOperationException("refused"));
        }

        return input.Identity.OperationContext;
    }

    [Function(CallActionNames.HangUp)]
    public static bool HangUp([ActivityTrigger] HangUpInput input)
    {
        Record(input.CallConnectionId, CallActionNames.HangUp, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.ForEveryone ? "everyone" : "self");
        return true;
    }

    public static string ConnectionIdFor(string instanceId) => "conn-" + instanceId;

    private static int Record(string connectionId, string action, string operationContext, Guid requestId, string? target)
    {
        ProbeRecorder.Record(connectionId, new ProbeRequest(action, operationContext, requestId, target));
        return ProbeRecorder.For(connectionId).Count(r => r.Action == action);
    }
}
