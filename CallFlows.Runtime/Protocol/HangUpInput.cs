
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.HangUp"/>.</summary>
/// <param name="Identity">Repeatability pair (sent only when ending the call for everyone).</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="ForEveryone">True ends the call for everyone; false makes only the app leave.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record HangUpInput(CallActionIdentity Identity, string CallConnectionId, bool ForEveryone);
