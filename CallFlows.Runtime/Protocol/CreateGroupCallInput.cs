
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.CreateGroupCall"/>.</summary>
/// <param name="InstanceId">The orchestration instance (the callback URI is built from it).</param>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="Targets">The raw ids to call (PSTN and VoIP).</param>
/// <param name="CallerId">The caller id raw id, required when a target is a phone number.</param>
/// <param name="DisplayName">The display name shown to the callees.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record CreateGroupCallInput(
    string InstanceId,
    CallActionIdentity Identity,
    IReadOnlyList<string> Targets,
    string? CallerId = null,
    string? DisplayName = null);
