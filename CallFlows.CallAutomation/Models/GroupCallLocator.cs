namespace CallFlows.CallAutomation;

/// <summary>Locates a call by its group call id (wire kind <c>groupCallLocator</c>).</summary>
public sealed class GroupCallLocator : CallLocator
{
    /// <summary>Creates the locator.</summary>
    /// <param name="groupCallId">The group call id.</param>
    /// <exception cref="ArgumentException"><paramref name="groupCallId"/> is null or empty.</exception>
    public GroupCallLocator(string groupCallId)
        : base(groupCallId)
    {
    }

    /// <inheritdoc />
    internal override string Kind => "groupCallLocator";

    /// <inheritdoc />
    internal override string IdPropertyName => "groupCallId";
}
