using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>
/// The <c>resultInformation</c> of an event. The values follow the platform codes of PROTOCOL.md §7.4; which pair the
/// real service puts on which Call Automation event is only partly documented, so these are the emulator's choices.
/// </summary>
internal readonly record struct ResultInfo(int Code, int SubCode, string Message)
{
    public static ResultInfo Success { get; } = new(200, 0, "Action completed successfully.");

    public static ResultInfo EndedByApp { get; } = new(200, 0, string.Empty);

    public static ResultInfo Terminated { get; } = new(200, 7000, "Call was ended by Azure Communication Service Call Automation API or a server bot. DiagCode: 0#7000.@");

    public static ResultInfo Transferred { get; } = new(0, 7015, "The call was transferred and this call connection left the call.");

    public static ResultInfo CancelAddParticipantSucceeded { get; } = new(487, 5234, "Cancel add participant request succeeded. Underlying reason: The Call Has Been Cancelled.");

    public static ResultInfo InvitationCancelled { get; } = new(487, 0, "The invitation was cancelled by the application.");

    public static ResultInfo CallEnded { get; } = new(487, 0, "The operation did not complete: the call ended.");

    public static ResultInfo CallerAbandoned { get; } = new(487, 0, "The caller hung up before the call was connected.");

    public static ResultInfo NotFound(string what) => new(404, 0, what);

    public static ResultInfo Declined(string rawId) => WireIdentifier.IsPhone(rawId)
        ? new(603, 560603, "Call declined by the remote PSTN participant.")
        : new(603, 0, "Call declined by the callee.");

    public static ResultInfo Busy(string rawId) => WireIdentifier.IsPhone(rawId)
        ? new(486, 560486, "The remote PSTN participant is busy.")
        : new(486, 0, "The callee is busy.");

    public static ResultInfo NoAnswer(string rawId) => WireIdentifier.IsPhone(rawId)
        ? new(480, 560480, "No answer from the remote PSTN participant: temporarily unavailable.")
        : new(487, 10004, "Call canceled on timeout: no callee endpoint accepted the call.");

    public static ResultInfo RemoteHungUp(string rawId) => WireIdentifier.IsPhone(rawId)
        ? new(0, 560000, "Call ended by the remote PSTN participant.")
        : new(0, 0, "Call ended by the remote participant.");

    public JsonObject ToJson() => new() { ["code"] = Code, ["subCode"] = SubCode, ["message"] = Message };
}
