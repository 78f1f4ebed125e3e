namespace CallFlows.Runtime.Protocol;

/// <summary>Input of the media actions aimed at one participant: hold (with music), unhold, mute, continuous DTMF start / stop, send DTMF.</summary>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="CallConnectionId">The call.</param>
/// <param name="Participant">The participant's raw id.</param>
/// <param name="Music">For hold: what the participant hears.</param>
/// <param name="Tones">For send DTMF: the keys.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record ParticipantMediaInput(CallActionIdentity Identity, string CallConnectionId, string Participant, Prompt? Music = null, string? Tones = null);
