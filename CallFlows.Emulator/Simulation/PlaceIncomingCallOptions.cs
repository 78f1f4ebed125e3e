namespace CallFlows.Emulator.Simulation;

/// <summary>Optional details of a call placed to the resource with <see cref="AcsEmulator.PlaceIncomingCallAsync"/>.</summary>
public sealed class PlaceIncomingCallOptions
{
    /// <summary>The caller's display name (<c>callerDisplayName</c>). Default null.</summary>
    public string? CallerDisplayName { get; init; }

    /// <summary>Custom SIP headers delivered in <c>customContext.sipHeaders</c>. Default empty.</summary>
    public IReadOnlyDictionary<string, string> SipHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>Custom VoIP headers delivered in <c>customContext.voipHeaders</c>. Default empty.</summary>
    public IReadOnlyDictionary<string, string> VoipHeaders { get; init; } = new Dictionary<string, string>();
}
