
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.CreateCall"/> (a 1:1 call).</summary>
/// <param name="InstanceId">The orchestration instance (the callback URI is built from it).</param>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="Target">The raw id to call.</param>
/// <param name="CallerId">The caller id raw id (<c>4:+1...</c>), required for PSTN targets.</param>
/// <param name="DisplayName">The display name shown to the callee.</param>
/// <param name="SipHeaders">Custom SIP headers with their final keys.</param>
/// <param name="VoipHeaders">Custom VoIP headers.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record CreateCallInput(
    string InstanceId,
    CallActionIdentity Identity,
    string Target,
    string? CallerId = null,
    string? DisplayName = null,
    IReadOnlyDictionary<string, string>? SipHeaders = null,
    IReadOnlyDictionary<string, string>? VoipHeaders = null);
