using CallFlows.CallAutomation;
using CallFlows.Runtime.Protocol;

namespace CallFlows.Testing.CallWorld;

/// <summary>Setting calls up: answer, reject, redirect an incoming call; create a 1:1 or group call; connect to an existing call.</summary>
internal static class CallSetupHandlers
{
    public static void Register(SimulatedCallService service)
    {
        service.Register(CallActionNames.AnswerCall, Answer);
        service.Register(CallActionNames.RejectCall, _ => CallActionOutput.Accepted);       // ACS sends no events for a reject
        service.Register(CallActionNames.RedirectCall, _ => CallActionOutput.Accepted);     // nor for a redirect
        service.Register(CallActionNames.CreateCall, request =>
        {
            var input = request.Input<CreateCallInput>();
            return Create(request, input.Identity, [input.Target], isGroup: false);
        });
        service.Register(CallActionNames.CreateGroupCall, request =>
        {
            var input = request.Input<CreateGroupCallInput>();
            return Create(request, input.Identity, input.Targets, isGroup: true);
        });
        service.Register(CallActionNames.ConnectCall, Connect);
    }

    private static CallActionOutput Answer(CallActionRequest request)
    {
        var input = request.Input<AnswerCallInput>();
        var service = request.Service;
        var caller = service.Caller
            ?? throw new Orchestrations.OrchestrationTestException("The flow answers a call, but it was not started by an incoming call: start it with kit.PlaceCall(...).");
        var call = service.NewCall(endsWhenEmpty: true, input.Identity.OperationContext);
        request.After(service.Kit.EventDelay, world =>
        {
            service.Join(world, call, caller, announce: false);
            service.Connect(world, call);
        });
        return Established(call);
    }

    private static CallActionOutput Create(CallActionRequest request, CallActionIdentity identity, IReadOnlyList<string> targets, bool isGroup)
    {
        var service = request.Service;
        var phones = targets.Distinct(StringComparer.Ordinal).Select(t => service.Kit.Find(t, request.Name)).ToList();
        var call = service.NewCall(endsWhenEmpty: true, identity.OperationContext, isGroup);
        call.RingingTargets = phones.Count;
        foreach (var phone in phones)
        {
            var (after, response) = phone.Ring(service.Kit.RingTimeout);
            request.After(after, world =>
            {
                call.RingingTargets--;
                if (call.Ended)
                {
                    return;
                }

                if (response == PhoneResponse.Answers)
                {
                    service.Join(world, call, phone, announce: call.Connected);
                    service.Connect(world, call);
                    return;
                }

                call.LastSetupFailure = Results.Refused(phone, response);
                if (!call.Connected && call.RingingTargets <= 0)
                {
                    service.FailSetup(world, call, new CreateCallFailed { OperationContext = identity.OperationContext, ResultInformation = call.LastSetupFailure });
                }
            });
        }

        return Established(call);
    }

    private static CallActionOutput Connect(CallActionRequest request)
    {
        var input = request.Input<ConnectCallInput>();
        var service = request.Service;
        var existing = service.Kit.ExistingCalls.FirstOrDefault(c => c.Kind == input.LocatorKind && c.Id == input.LocatorId);

        // Like the service: joining a group call id nobody is in yet starts that group call; an unknown room or server
        // call still answers 200 and reports ConnectFailed (404) on a connection of its own.
        var found = existing is not null || input.LocatorKind == CallLocatorKind.GroupCall;
        // A server call (people calling each other) ends when its last participant leaves; a room or group call goes on (as in the emulator).
        var isServerCall = input.LocatorKind == CallLocatorKind.ServerCall;
        var call = service.NewCall(endsWhenEmpty: isServerCall, input.Identity.OperationContext, serverCallId: isServerCall ? input.LocatorId : null);
        request.After(service.Kit.EventDelay, world =>
        {
            if (!found)
            {
                var what = input.LocatorKind == CallLocatorKind.Room ? $"Room '{input.LocatorId}' does not exist." : $"Server call '{input.LocatorId}' does not exist or has ended.";
                service.FailSetup(world, call, new ConnectFailed { OperationContext = input.Identity.OperationContext, ResultInformation = Results.Of(404, 0, what) });
                return;
            }

            foreach (var phone in existing?.Participants ?? [])
            {
                service.Join(world, call, phone, announce: false);
            }

            service.Connect(world, call);
        });
        return Established(call);
    }

    private static CallActionOutput Established(SimulatedCall call) =>
        new(Connection: new CallConnectionInfo(call.CallConnectionId, call.ServerCallId, call.CorrelationId, "connecting"));
}
