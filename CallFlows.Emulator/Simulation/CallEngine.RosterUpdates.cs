namespace CallFlows.Emulator.Simulation;

/// <summary>Roster chatter: re-announcing a call's participants without changing them.</summary>
internal sealed partial class CallEngine
{
    /// <summary>
    /// Sends the connection's current roster again as a <c>ParticipantsUpdated</c> event with the next sequence
    /// number, as ACS does when a participant's state changes in ways the emulator does not model (role, hold,
    /// spotlight...). Lets benchmarks and tests give one call a long, chatty event history.
    /// </summary>
    public int RepublishParticipants(string callConnectionId)
    {
        lock (_gate)
        {
            var connection = Live(callConnectionId);
            if (connection.State != "connected")
            {
                throw new ApiException(409, "InvalidCallState", $"Call '{callConnectionId}' is {connection.State}; a roster is sent only for a connected call.");
            }

            EmitParticipantsUpdated(connection);
            Signal();
            return connection.SequenceNumber;
        }
    }
}
