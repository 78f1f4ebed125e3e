using CallFlows.CallAutomation;

namespace CallFlows.Testing.CallWorld;

/// <summary>The <c>resultInformation</c> values the emulator sends (PROTOCOL.md §7.4), for the same situations.</summary>
internal static class Results
{
    public static ResultInformation Success { get; } = Of(200, 0, "Action completed successfully.");

    public static ResultInformation EndedByApp { get; } = Of(200, 0, "The call was hung up by the application.");

    public static ResultInformation Terminated { get; } = Of(200, 7000, "Call was ended by Azure Communication Service Call Automation API or a server bot.");

    public static ResultInformation Transferred { get; } = Of(0, 7015, "The call was transferred and this call connection left the call.");

    public static ResultInformation CancelSucceeded { get; } = Of(487, 5234, "Cancel add participant request succeeded. Underlying reason: The Call Has Been Cancelled.");

    public static ResultInformation InvitationCancelled { get; } = Of(487, 0, "The invitation was cancelled by the application.");

    public static ResultInformation CallEnded { get; } = Of(487, 0, "The operation did not complete: the call ended.");

    public static ResultInformation RemoteHungUp { get; } = Of(0, 0, "Call ended by the remote participant.");

    public static ResultInformation RemotePstnHungUp { get; } = Of(0, 560000, "Call ended by the remote PSTN participant.");

    public static ResultInformation LastRemoved { get; } = Of(0, 5000, "The last participant was removed from the call.");

    public static ResultInformation Of(int code, int subCode, string message) => new() { Code = code, SubCode = subCode, Message = message };

    /// <summary>How a phone's refusal reads: 603 declined, 486 busy, 487/10004 (VoIP) or 480/560480 (PSTN) not answered.</summary>
    public static ResultInformation Refused(TestPhone phone, PhoneResponse response) => response switch
    {
        PhoneResponse.Declines => phone.IsPstn ? Of(603, 560603, "Call declined by the remote PSTN participant.") : Of(603, 0, "Call declined by the callee."),
        PhoneResponse.IsBusy => phone.IsPstn ? Of(486, 560486, "The remote PSTN participant is busy.") : Of(486, 0, "The callee is busy."),
        _ => phone.IsPstn
            ? Of(480, 560480, "No answer from the remote PSTN participant: temporarily unavailable.")
            : Of(487, 10004, "Call canceled on timeout: no callee endpoint accepted the call."),
    };
}
