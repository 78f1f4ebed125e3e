
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.RedirectCall"/>.</summary>
/// <param name="Identity">Repeatability pair.</param>
/// <param name="IncomingCallContext">The opaque context of the IncomingCall event.</param>
/// <param name="Target">The raw id to redirect to.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record RedirectCallInput(CallActionIdentity Identity, string IncomingCallContext, string Target);
