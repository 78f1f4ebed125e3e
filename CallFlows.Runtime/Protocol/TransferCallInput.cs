
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.TransferCall"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Target">The raw id the call is transferred to.</param>
/// <param name="Transferee">In a group call, the raw id of the participant transferred.</param>
/// <param name="CallerId">The caller id raw id shown to a PSTN target.</param>
/// <param name="SipHeaders">Custom SIP headers with their final keys (<c>X-MS-Custom-*</c>, <c>User-To-User</c>).</param>
/// <param name="VoipHeaders">Custom VoIP headers.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record TransferCallInput(
    CallActionIdentity Identity,
    string CallConnectionId,
    string Target,
    string? Transferee = null,
    string? CallerId = null,
    IReadOnlyDictionary<string, string>? SipHeaders = null,
    IReadOnlyDictionary<string, string>? VoipHeaders = null);
