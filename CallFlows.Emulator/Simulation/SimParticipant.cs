namespace CallFlows.Emulator.Simulation;

/// <summary>A simulated person in a call (never the app itself).</summary>
internal sealed class SimParticipant(string rawId)
{
    public string RawId { get; } = rawId;

    public bool IsMuted { get; set; }

    public bool IsOnHold { get; set; }

    public ITimer? HangUpTimer { get; set; }

    /// <summary>The next step of the identity's media script (<see cref="IdentityBehavior.MediaScript"/>).</summary>
    public int ScriptPosition { get; set; }

    public ParticipantSnapshot ToSnapshot() => new(RawId, IsMuted, IsOnHold);
}
