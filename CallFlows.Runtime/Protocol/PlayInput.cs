namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.Play"/>.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Prompt">What to play.</param>
/// <param name="PlayTo">The raw id to play to; null plays to everyone.</param>
/// <param name="Loop">Plays until canceled (hold music).</param>
/// <param name="Interrupt">Cancels the running media operation first.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record PlayInput(CallActionIdentity Identity, string CallConnectionId, Prompt Prompt, string? PlayTo = null, bool Loop = false, bool Interrupt = false);
