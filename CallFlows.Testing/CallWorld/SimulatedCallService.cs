using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using CallFlows.CallAutomation;
using CallFlows.Functions.Actions;
using CallFlows.Functions.Runtime;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>
/// ACS Call Automation as the flow's activities meet it, on virtual time: each call action returns what the REST API
/// returns and raises the callbacks ACS sends, in the emulator's order and with its result codes
/// (reference/acs-callautomation/PROTOCOL.md §6–7, CallFlows.Emulator's CallEngine). One inbound call.
/// </summary>
internal sealed class SimulatedCallService(CallFlowTestKit kit, TestPhone caller, string calledRawId)
{
    private const string CallConnectionId = "call-1";
    private const string ServerCallId = "server-call-1";
    private const string CorrelationId = "correlation-1";

    // The shape CallbackEnvelope gives event data: web defaults, nulls omitted.
    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly List<CallAutomationEventBase> _callbacks = [];
    private readonly List<string> _participants = [];
    private readonly Dictionary<string, Invitation> _invitations = new(StringComparer.Ordinal);
    private int _eventCount;
    private int _rosterSequence;
    private bool _answered;
    private bool _disconnected;

    public string CalledRawId { get; } = calledRawId;

    /// <summary>The callbacks sent so far, in order.</summary>
    public IReadOnlyList<CallAutomationEventBase> Callbacks => _callbacks;

    /// <summary>Answers a call action, or returns null for an activity this simulation does not know.</summary>
    public ActivityResult? Handle(ActivityCall call)
    {
        if (kit.Refusal(call.Name) is { } refusal)
        {
            var exception = new CallActionRejectedException(call.Name, refusal.Status, refusal.ErrorCode, refusal.Message,
                new RequestFailedException(refusal.Status, refusal.Message, refusal.ErrorCode, null));
            return ActivityResult.Failed(exception, kit.ResponseTime);
        }

        if (kit.FailTransiently(call.Name))
        {
            var exception = new CallActionTransientException($"{CallActionTransientException.Marker} {call.Name} failed: the service answered 503.",
                new RequestFailedException(503, "Service unavailable."));
            return ActivityResult.Failed(exception, kit.ResponseTime);
        }

        var silent = kit.SendsNoCallbacks(call.Name);
        object? output = call.Name switch
        {
            CallActionNames.AnswerCall => Answer(call, call.GetInput<AnswerCallInput>()!, silent),
            CallActionNames.RejectCall or CallActionNames.RedirectCall => true,
            CallActionNames.AddParticipant => AddParticipant(call, call.GetInput<AddParticipantInput>()!, silent),
            CallActionNames.CancelAddParticipant => CancelAddParticipant(call, call.GetInput<CancelAddParticipantInput>()!, silent),
            CallActionNames.TransferCall => Transfer(call, call.GetInput<TransferCallInput>()!, silent),
            CallActionNames.RemoveParticipant => Remove(call, call.GetInput<RemoveParticipantInput>()!, silent),
            CallActionNames.HangUp => HangUp(call, call.GetInput<HangUpInput>()!, silent),
            CallActionNames.GetParticipants => _participants.Select(p => new ParticipantInfo(p, false, false)).ToList(),
            _ => null,
        };
        return output is null ? null : ActivityResult.Completed(output, kit.ResponseTime);
    }

    private CallConnectionInfo Answer(ActivityCall call, AnswerCallInput input, bool silent)
    {
        if (!silent)
        {
            call.Script.Schedule(kit.ResponseTime + kit.EventDelay, world =>
            {
                if (_disconnected)
                {
                    return;
                }

                _answered = true;
                _participants.Add(caller.RawId);
                Raise(world, new CallConnected { OperationContext = input.Identity.OperationContext, ResultInformation = Success() });
                RaiseRoster(world);
                if (caller.HangsUpAfterJoining is { } after)
                {
                    world.Schedule(after, later => Leave(later, caller));
                }
            });
        }

        return new CallConnectionInfo(CallConnectionId, ServerCallId, CorrelationId, "connecting");
    }

    private AddParticipantOutput AddParticipant(ActivityCall call, AddParticipantInput input, bool silent)
    {
        var phone = kit.Find(input.Participant, call.Name);
        var invitation = new Invitation("invitation-" + (_invitations.Count + 1).ToString(CultureInfo.InvariantCulture), phone, input.Identity.OperationContext);
        _invitations[invitation.Id] = invitation;
        if (!silent)
        {
            var timeout = input.InvitationTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : kit.DefaultInvitationTimeout;
            var respondsAfter = phone.Response == PhoneResponse.NeverAnswers || phone.RingTime > timeout ? timeout : phone.RingTime;
            var response = phone.RingTime > timeout ? PhoneResponse.NeverAnswers : phone.Response;
            call.Script.Schedule(kit.ResponseTime + respondsAfter, world =>
            {
                if (invitation.Done || _disconnected)
                {
                    return;
                }

                invitation.Done = true;
                if (response == PhoneResponse.Answers)
                {
                    _participants.Add(phone.RawId);
                    Raise(world, new AddParticipantSucceeded { OperationContext = invitation.OperationContext, ResultInformation = Success(), Participant = phone.Identifier });
                    RaiseRoster(world);
                    if (phone.HangsUpAfterJoining is { } after)
                    {
                        world.Schedule(after, later => Leave(later, phone));
                    }
                }
                else
                {
                    Raise(world, new AddParticipantFailed { OperationContext = invitation.OperationContext, ResultInformation = Refused(phone, response), Participant = phone.Identifier });
                }
            });
        }

        return new AddParticipantOutput(invitation.Id, input.Participant);
    }

    private string CancelAddParticipant(ActivityCall call, CancelAddParticipantInput input, bool silent)
    {
        if (!silent)
        {
            call.Script.Schedule(kit.ResponseTime + kit.EventDelay, world =>
            {
                if (_disconnected)
                {
                    return;
                }

                if (_invitations.TryGetValue(input.InvitationId, out var invitation) && !invitation.Done)
                {
                    invitation.Done = true;
                    Raise(world, new CancelAddParticipantSucceeded { OperationContext = input.Identity.OperationContext, ResultInformation = Success(), InvitationId = input.InvitationId });

                    // As the emulator documents: the cancelled invitation then ends with AddParticipantFailed (487).
                    Raise(world, new AddParticipantFailed
                    {
                        OperationContext = invitation.OperationContext,
                        ResultInformation = Result(487, 0, "The invitation was cancelled by the application."),
                        Participant = invitation.Phone.Identifier,
                    });
                }
                else
                {
                    Raise(world, new CancelAddParticipantFailed
                    {
                        OperationContext = input.Identity.OperationContext,
                        ResultInformation = Result(400, 8523, $"Invitation '{input.InvitationId}' has already completed."),
                        InvitationId = input.InvitationId,
                    });
                }
            });
        }

        return input.InvitationId;
    }

    private string Transfer(ActivityCall call, TransferCallInput input, bool silent)
    {
        var phone = kit.Find(input.Target, call.Name);
        if (!silent)
        {
            var respondsAfter = phone.Response == PhoneResponse.NeverAnswers ? kit.RingTimeout : phone.RingTime;
            call.Script.Schedule(kit.ResponseTime + respondsAfter, world =>
            {
                if (_disconnected)
                {
                    return;
                }

                if (phone.Response == PhoneResponse.Answers)
                {
                    Raise(world, new CallTransferAccepted
                    {
                        OperationContext = input.Identity.OperationContext,
                        ResultInformation = Success(),
                        TransferTarget = phone.Identifier,
                        Transferee = input.Transferee is null ? caller.Identifier : CommunicationIdentifier.FromRawId(input.Transferee),
                    });

                    // A 1:1 transfer takes the application out of the call.
                    Disconnect(world, Result(0, 7015, "The call was transferred and this call connection left the call."));
                }
                else
                {
                    Raise(world, new CallTransferFailed { OperationContext = input.Identity.OperationContext, ResultInformation = Refused(phone, phone.Response) });
                }
            });
        }

        return input.Identity.OperationContext;
    }

    private string Remove(ActivityCall call, RemoveParticipantInput input, bool silent)
    {
        if (!silent)
        {
            call.Script.Schedule(kit.ResponseTime + kit.EventDelay, world =>
            {
                if (_disconnected)
                {
                    return;
                }

                if (_participants.Remove(input.Participant))
                {
                    Raise(world, new RemoveParticipantSucceeded { OperationContext = input.Identity.OperationContext, ResultInformation = Success(), Participant = CommunicationIdentifier.FromRawId(input.Participant) });
                    RaiseRoster(world);
                }
                else
                {
                    Raise(world, new RemoveParticipantFailed { OperationContext = input.Identity.OperationContext, ResultInformation = Result(404, 0, $"'{input.Participant}' is not in the call."), Participant = CommunicationIdentifier.FromRawId(input.Participant) });
                }
            });
        }

        return input.Identity.OperationContext;
    }

    private bool HangUp(ActivityCall call, HangUpInput input, bool silent)
    {
        if (_disconnected)
        {
            // ACS answers 404 for a call that is gone; the HangUp activity reports that as false.
            return false;
        }

        if (!silent)
        {
            var result = input.ForEveryone
                ? Result(0, 7000, "The call was ended by Azure Communication Services platform: terminated for everyone.")
                : Result(0, 0, "The conversation has ended: hung up by the application.");
            call.Script.Schedule(kit.ResponseTime + kit.EventDelay, world => Disconnect(world, result));
        }

        return true;
    }

    private void Leave(ScriptContext world, TestPhone phone)
    {
        if (_disconnected || !_participants.Remove(phone.RawId))
        {
            return;
        }

        if (_participants.Count == 0)
        {
            // The last participant left: the call ends for the application too.
            Disconnect(world, phone.IsPstn ? Result(0, 560000, "Call ended by the remote PSTN participant.") : Result(0, 0, "Call ended by the remote participant."));
        }
        else
        {
            RaiseRoster(world);
        }
    }

    private void Disconnect(ScriptContext world, ResultInformation result)
    {
        if (_disconnected)
        {
            return;
        }

        _disconnected = true;
        _participants.Clear();
        if (_answered)
        {
            Raise(world, new CallDisconnected { ResultInformation = result });
        }
    }

    private void RaiseRoster(ScriptContext world)
    {
        _rosterSequence++;
        Raise(world, new ParticipantsUpdated
        {
            SequenceNumber = _rosterSequence,
            Participants = _participants.Select(p => new CallParticipant { Identifier = CommunicationIdentifier.FromRawId(p) }).ToList(),
        });
    }

    private void Raise(ScriptContext world, CallAutomationEventBase callback)
    {
        // ACS fills in the CloudEvent id, type and time and the call's ids; the events are init-only, so they are added
        // to the event's data as the callback endpoint would have parsed them.
        _eventCount++;
        var id = "event-" + _eventCount.ToString(CultureInfo.InvariantCulture);
        var type = CallAutomationEventParser.EventTypePrefix + callback.GetType().Name;
        var time = new DateTimeOffset(world.CurrentUtcDateTime, TimeSpan.Zero);
        var data = JsonSerializer.SerializeToNode(callback, callback.GetType(), DataOptions)!.AsObject();
        data["eventId"] = id;
        data["eventType"] = type;
        data["eventTime"] = time;
        data["callConnectionId"] = CallConnectionId;
        data["serverCallId"] = ServerCallId;
        data["correlationId"] = CorrelationId;
        var envelope = new CallbackEnvelope(id, type, time, CallConnectionId, callback.OperationContext, data.ToJsonString(DataOptions));
        _callbacks.Add(envelope.ToEvent());
        world.RaiseEvent(CallFlowEvents.CallbackEventName, envelope, TimeSpan.Zero);
    }

    private static ResultInformation Success() => Result(200, 0, "Action completed successfully.");

    private static ResultInformation Refused(TestPhone phone, PhoneResponse response) => response switch
    {
        PhoneResponse.Declines => phone.IsPstn ? Result(603, 560603, "Call declined by the remote PSTN participant.") : Result(603, 0, "Call declined by the callee."),
        PhoneResponse.IsBusy => phone.IsPstn ? Result(486, 560486, "The remote PSTN participant is busy.") : Result(486, 0, "The callee is busy."),
        _ => phone.IsPstn
            ? Result(480, 560480, "No answer from the remote PSTN participant: temporarily unavailable.")
            : Result(487, 10004, "Call canceled on timeout: no callee endpoint accepted the call."),
    };

    private static ResultInformation Result(int code, int subCode, string message) => new() { Code = code, SubCode = subCode, Message = message };

    private sealed class Invitation(string id, TestPhone phone, string operationContext)
    {
        public string Id { get; } = id;

        public TestPhone Phone { get; } = phone;

        public string OperationContext { get; } = operationContext;

        public bool Done { get; set; }
    }
}
