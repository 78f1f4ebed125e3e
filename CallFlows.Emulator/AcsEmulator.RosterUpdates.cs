namespace CallFlows.Emulator;

/// <summary>Roster chatter for long-call tests and benchmarks.</summary>
public sealed partial class AcsEmulator
{
    /// <summary>
    /// Sends the call's current roster again as a <c>ParticipantsUpdated</c> callback with the next
    /// <c>sequenceNumber</c> (participants unchanged), as ACS does when a participant's state changes in ways the
    /// emulator does not model. Use it to give one call a long history of roster events.
    /// </summary>
    /// <param name="callConnectionId">A connected call connection.</param>
    /// <returns>The sequence number of the event just queued.</returns>
    /// <exception cref="Simulation.ApiException">The call is unknown or ended (404), or not connected yet (409).</exception>
    public int RepublishParticipants(string callConnectionId) => _engine.RepublishParticipants(callConnectionId);
}
