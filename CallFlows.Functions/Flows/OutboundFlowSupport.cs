using CallFlows.CallAutomation;
using CallFlows.Functions.Actions;
using CallFlows.Functions.Runtime;

namespace CallFlows.Functions.Flows;

/// <summary>Pieces the outbound sample flows share: reading their input and setting up their call.</summary>
internal static class OutboundFlowSupport
{
    public static PhoneNumberIdentifier? CallerId(OutboundCallInput input) =>
        input.CallerId is null ? null : CommunicationIdentifier.FromRawId(input.CallerId) as PhoneNumberIdentifier;

    public static IReadOnlyList<CommunicationIdentifier> Targets(OutboundCallInput input) =>
        input.Targets.Select(CommunicationIdentifier.FromRawId).ToList();

    public static TimeSpan ConnectTimeout(OutboundCallInput input) => TimeSpan.FromSeconds(input.ConnectTimeoutSeconds);

    public static TimeSpan ActionTimeout(OutboundCallInput input) => TimeSpan.FromSeconds(input.ActionTimeoutSeconds);

    public static TimeSpan MaxDuration(OutboundCallInput input) => TimeSpan.FromSeconds(input.MaxDurationSeconds);

    /// <summary>Copies the request's custom headers (SIP keys without prefix, UUI, VoIP) into a context.</summary>
    public static void AddHeaders(CustomCallingContext context, OutboundCallInput input)
    {
        foreach (var (key, value) in input.SipHeaders ?? new Dictionary<string, string>())
        {
            context.AddSipX(key, value);
        }

        if (input.Uui is not null)
        {
            context.AddSipUui(input.Uui);
        }

        foreach (var (key, value) in input.VoipHeaders ?? new Dictionary<string, string>())
        {
            context.AddVoip(key, value);
        }
    }

    /// <summary>Sets up the group call of a sample: one call to all targets, or joining the given existing call.</summary>
    public static Task<CallFlowCall> GroupCallAsync(CallFlow flow, OutboundCallInput input)
    {
        if (input.LocatorKind is { } kind && input.LocatorId is { } id)
        {
            CallLocator locator = kind switch
            {
                CallLocatorKind.GroupCall => new GroupCallLocator(id),
                CallLocatorKind.Room => new RoomCallLocator(id),
                _ => new ServerCallLocator(id),
            };
            return flow.ConnectAsync(locator, ConnectTimeout(input));
        }

        return flow.CreateGroupCallAsync(Targets(input), new CreateGroupCallFlowOptions { CallerId = CallerId(input), DisplayName = input.DisplayName },
            ConnectTimeout(input));
    }

    /// <summary>Cleans up a call that did not connect in time: ACS may still be ringing it.</summary>
    public static async Task AbandonAsync(CallFlowCall call, OutboundCallInput input)
    {
        if (call.CallConnectionId is not null && !call.IsDisconnected)
        {
            await call.HangUpAsync(forEveryone: true, ActionTimeout(input));
        }
    }
}
