using CallFlows.CallAutomation;
using CallFlows.Runtime.Protocol;

namespace CallFlows.Testing.CallWorld;

/// <summary>Mid-call actions: add, cancel, remove participants, transfer, hang up, and ending a call whose flow failed.</summary>
internal static class CallControlHandlers
{
    public static void Register(SimulatedCallService service)
    {
        service.Register(CallActionNames.AddParticipant, AddParticipant);
        service.Register(CallActionNames.CancelAddParticipant, CancelAddParticipant);
        service.Register(CallActionNames.RemoveParticipant, RemoveParticipant);
        service.Register(CallActionNames.TransferCall, Transfer);
        service.Register(CallActionNames.HangUp, HangUp);
        service.Register(CallActionNames.EndAbandonedCall, EndAbandonedCall);
    }

    private static CallActionOutput AddParticipant(CallActionRequest request)
    {
        var input = request.Input<AddParticipantInput>();
        if (!request.TryLiveCall(input.CallConnectionId, out var call, out var gone))
        {
            return gone;
        }

        var service = request.Service;
        var phone = service.Kit.Find(input.Participant, request.Name);
        if (call.Participants.Contains(phone.RawId))
        {
            return CallActionRequest.Refused(400, "BadRequest", $"participantToAdd: '{phone.RawId}' is already in the call.");
        }

        var invitation = new SimulatedInvitation(service.NewId("invitation"), phone, input.Identity.OperationContext);
        call.Invitations[invitation.Id] = invitation;
        var timeout = input.InvitationTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : service.Kit.DefaultInvitationTimeout;
        var (after, response) = phone.Ring(timeout);
        request.After(after, world =>
        {
            if (invitation.Done || call.Ended)
            {
                return;
            }

            invitation.Done = true;
            if (response == PhoneResponse.Answers)
            {
                service.Raise(world, call, new AddParticipantSucceeded { OperationContext = invitation.OperationContext, ResultInformation = Results.Success, Participant = phone.Identifier });
                service.Join(world, call, phone);
            }
            else
            {
                service.Raise(world, call, new AddParticipantFailed { OperationContext = invitation.OperationContext, ResultInformation = Results.Refused(phone, response), Participant = phone.Identifier });
            }
        });
        return new CallActionOutput(InvitationId: invitation.Id);
    }

    private static CallActionOutput CancelAddParticipant(CallActionRequest request)
    {
        var input = request.Input<CancelAddParticipantInput>();
        if (!request.TryLiveCall(input.CallConnectionId, out var call, out var gone))
        {
            return gone;
        }

        var service = request.Service;
        request.After(service.Kit.EventDelay, world =>
        {
            if (call.Ended)
            {
                return;
            }

            if (call.Invitations.TryGetValue(input.InvitationId, out var invitation) && !invitation.Done)
            {
                invitation.Done = true;
                service.Raise(world, call, new CancelAddParticipantSucceeded { OperationContext = input.Identity.OperationContext, ResultInformation = Results.CancelSucceeded, InvitationId = input.InvitationId });

                // As the emulator documents: the cancelled invitation then ends with AddParticipantFailed (487).
                service.Raise(world, call, new AddParticipantFailed { OperationContext = invitation.OperationContext, ResultInformation = Results.InvitationCancelled, Participant = invitation.Phone.Identifier });
            }
            else
            {
                var why = invitation is null ? $"Invitation '{input.InvitationId}' does not exist in this call." : $"Invitation '{input.InvitationId}' has already completed.";
                service.Raise(world, call, new CancelAddParticipantFailed { OperationContext = input.Identity.OperationContext, ResultInformation = Results.Of(400, 8523, why), InvitationId = input.InvitationId });
            }
        });
        return CallActionOutput.Accepted;
    }

    private static CallActionOutput RemoveParticipant(CallActionRequest request)
    {
        var input = request.Input<RemoveParticipantInput>();
        if (!request.TryLiveCall(input.CallConnectionId, out var call, out var gone))
        {
            return gone;
        }

        var service = request.Service;
        var participant = CommunicationIdentifier.FromRawId(input.Participant);
        request.After(service.Kit.EventDelay, world =>
        {
            if (call.Ended)
            {
                return;
            }

            if (call.Participants.Contains(participant.RawId))
            {
                service.Raise(world, call, new RemoveParticipantSucceeded { OperationContext = input.Identity.OperationContext, ResultInformation = Results.Success, Participant = participant });
                service.Leave(world, call, participant.RawId, Results.LastRemoved);
            }
            else
            {
                service.Raise(world, call, new RemoveParticipantFailed
                {
                    OperationContext = input.Identity.OperationContext,
                    ResultInformation = Results.Of(400, 8522, $"'{participant.RawId}' is not a participant of the call."),
                    Participant = participant,
                });
            }
        });
        return CallActionOutput.Accepted;
    }

    private static CallActionOutput Transfer(CallActionRequest request)
    {
        var input = request.Input<TransferCallInput>();
        if (!request.TryLiveCall(input.CallConnectionId, out var call, out var gone))
        {
            return gone;
        }

        if (call.Transfer is not null)
        {
            return CallActionRequest.Refused(400, "BadRequest", "A transfer of this call is already in progress.");
        }

        string transferee;
        if (input.Transferee is { } named)
        {
            if (!call.Participants.Contains(named))
            {
                return CallActionRequest.Refused(400, "BadRequest", $"transferee: '{named}' is not a participant of the call.");
            }

            transferee = named;
        }
        else if (call.Participants.Count == 1)
        {
            transferee = call.Participants[0];
        }
        else
        {
            return CallActionRequest.Refused(400, "BadRequest", "transferee: required when the call does not have exactly one other participant.");
        }

        var service = request.Service;
        var target = service.Kit.Find(input.Target, request.Name);
        var transfer = new SimulatedTransfer(target, transferee, input.Identity.OperationContext);
        call.Transfer = transfer;
        var (after, response) = target.Ring(service.Kit.RingTimeout);
        request.After(after, world =>
        {
            if (call.Transfer != transfer || call.Ended)
            {
                return;
            }

            call.Transfer = null;
            if (response != PhoneResponse.Answers)
            {
                service.Raise(world, call, new CallTransferFailed { OperationContext = transfer.OperationContext, ResultInformation = Results.Refused(target, response) });
                return;
            }

            service.Raise(world, call, new CallTransferAccepted
            {
                OperationContext = transfer.OperationContext,
                ResultInformation = Results.Success,
                TransferTarget = target.Identifier,
                Transferee = CommunicationIdentifier.FromRawId(transferee),
            });
            if (input.Transferee is null)
            {
                // A 1:1 transfer takes the application out of the call (PROTOCOL.md §6: [S13]).
                service.End(world, call, Results.Transferred);
            }
            else
            {
                // In a group call the transferee leaves for the target; the application stays.
                service.Leave(world, call, transferee, Results.Transferred);
            }
        });
        return CallActionOutput.Accepted;
    }

    private static CallActionOutput HangUp(CallActionRequest request)
    {
        var input = request.Input<HangUpInput>();

        // DELETE on a call that is gone answers 404; the flow runtime reads that as "ended".
        if (!request.TryLiveCall(input.CallConnectionId, out var call, out var gone))
        {
            return gone;
        }

        var service = request.Service;
        request.After(service.Kit.EventDelay, world =>
        {
            if (input.ForEveryone)
            {
                service.End(world, call, Results.Terminated);
            }
            else
            {
                // The app's leg of a 1:1 call leaving ends the call for the other side too; a group call goes on without the app.
                service.End(world, call, Results.EndedByApp);
            }
        });
        return CallActionOutput.Accepted;
    }

    private static CallActionOutput EndAbandonedCall(CallActionRequest request)
    {
        var input = request.Input<EndAbandonedCallInput>();
        if (!request.TryLiveCall(input.CallConnectionId, out var call, out var gone))
        {
            return gone;
        }

        // With no CallFlows:FailedFlowTarget configured the activity ends the call for everyone.
        request.After(request.Service.Kit.EventDelay, world => request.Service.End(world, call, Results.Terminated));
        return CallActionOutput.Accepted;
    }
}
