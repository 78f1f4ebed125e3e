using Microsoft.Azure.Functions.Worker;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>
/// The ACS edge of the runtime probe: activities with the runtime's action names that accept every request (the
/// test then plays the service's callback events into the instance). Targets steer failures: a target starting
/// with <c>8:acs:flaky</c> is unavailable (503) once, a create to <c>8:acs:stale</c> first completes with another action's
/// result, <c>8:acs:forbidden</c> is refused with 403, and an add of
/// <c>8:acs:slow*</c> returns only when the test opens the call's gate.
/// </summary>
public static class ProbeCallActions
{
    [Function(CallActionNames.CreateCall)]
    public static CallActionOutput CreateCall([ActivityTrigger] CreateCallInput input)
    {
        var connectionId = ConnectionIdFor(input.InstanceId);
        var attempt = Record(connectionId, CallActionNames.CreateCall, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Target);
        if (input.Target.StartsWith("8:acs:flaky", StringComparison.Ordinal) && attempt == 1)
        {
            return new CallActionOutput(new CallActionFailure(CallActionFailureKind.Unavailable, "try again") { HttpStatus = 503, ErrorCode = "ServiceUnavailable" });
        }

        if (input.Target.StartsWith("8:acs:stale", StringComparison.Ordinal) && attempt == 1)
        {
            // What a replay after a crash can deliver under this task id: an orphaned add-participant's completion.
            return new CallActionOutput(InvitationId: "inv-orphan") { OperationContext = "cf-2-AddParticipant-0a19ea92" };
        }

        return new CallActionOutput(Connection: new CallConnectionInfo(connectionId, "server-" + input.InstanceId, "corr-" + input.InstanceId, "Connecting"));
    }

    [Function(CallActionNames.AddParticipant)]
    public static async Task<CallActionOutput> AddParticipant([ActivityTrigger] AddParticipantInput input)
    {
        Record(input.CallConnectionId, CallActionNames.AddParticipant, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Participant);
        if (input.Participant.StartsWith("8:acs:slow", StringComparison.Ordinal))
        {
            // Like ACS answering 202 late: the test raises the outcome event before this activity returns.
            await ProbeRecorder.Gate(input.CallConnectionId).Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return new CallActionOutput(InvitationId: "inv-" + input.Identity.OperationContext);
    }

    [Function(CallActionNames.CancelAddParticipant)]
    public static CallActionOutput CancelAddParticipant([ActivityTrigger] CancelAddParticipantInput input)
    {
        Record(input.CallConnectionId, CallActionNames.CancelAddParticipant, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.InvitationId);
        return CallActionOutput.Accepted;
    }

    [Function(CallActionNames.RemoveParticipant)]
    public static CallActionOutput RemoveParticipant([ActivityTrigger] RemoveParticipantInput input)
    {
        Record(input.CallConnectionId, CallActionNames.RemoveParticipant, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Participant);
        if (input.Participant.StartsWith("8:acs:forbidden", StringComparison.Ordinal))
        {
            return new CallActionOutput(new CallActionFailure(CallActionFailureKind.Refused, "not allowed") { HttpStatus = 403, ErrorCode = "Forbidden" });
        }

        return CallActionOutput.Accepted;
    }

    [Function(CallActionNames.HangUp)]
    public static CallActionOutput HangUp([ActivityTrigger] HangUpInput input)
    {
        Record(input.CallConnectionId, CallActionNames.HangUp, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.ForEveryone ? "everyone" : "self");
        return CallActionOutput.Accepted;
    }

    [Function(CallActionNames.EndAbandonedCall)]
    public static CallActionOutput EndAbandonedCall([ActivityTrigger] EndAbandonedCallInput input)
    {
        Record(input.CallConnectionId, CallActionNames.EndAbandonedCall, input.Identity.OperationContext, input.Identity.RepeatabilityRequestId, input.Cause);
        return CallActionOutput.Accepted;
    }

    public static string ConnectionIdFor(string instanceId) => "conn-" + instanceId;

    private static int Record(string connectionId, string action, string operationContext, Guid requestId, string? target)
    {
        ProbeRecorder.Record(connectionId, new ProbeRequest(action, operationContext, requestId, target));
        return ProbeRecorder.For(connectionId).Count(r => r.Action == action);
    }
}
