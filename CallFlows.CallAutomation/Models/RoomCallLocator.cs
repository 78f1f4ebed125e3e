namespace CallFlows.CallAutomation;

/// <summary>Locates a call by its ACS room id (wire kind <c>roomCallLocator</c>).</summary>
public sealed class RoomCallLocator : CallLocator
{
    /// <summary>Creates the locator.</summary>
    /// <param name="roomId">The ACS room id.</param>
    /// <exception cref="ArgumentException"><paramref name="roomId"/> is null or empty.</exception>
    public RoomCallLocator(string roomId)
        : base(roomId)
    {
    }

    /// <inheritdoc />
    internal override string Kind => "roomCallLocator";

    /// <inheritdoc />
    internal override string IdPropertyName => "roomId";
}
