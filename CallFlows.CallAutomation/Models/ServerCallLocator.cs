namespace CallFlows.CallAutomation;

/// <summary>Locates a call by its server call id (from IncomingCall or CallConnectionProperties) (wire kind <c>serverCallLocator</c>).</summary>
public sealed class ServerCallLocator : CallLocator
{
    /// <summary>Creates the locator.</summary>
    /// <param name="serverCallId">The server call id (from IncomingCall or CallConnectionProperties).</param>
    /// <exception cref="ArgumentException"><paramref name="serverCallId"/> is null or empty.</exception>
    public ServerCallLocator(string serverCallId)
        : base(serverCallId)
    {
    }

    /// <inheritdoc />
    internal override string Kind => "serverCallLocator";

    /// <inheritdoc />
    internal override string IdPropertyName => "serverCallId";
}
