namespace CallFlows.CallAutomation;

/// <summary>Locates an existing call to connect to (wire <c>CallLocator</c>): a server call, a group call or a room.</summary>
public abstract class CallLocator : IEquatable<CallLocator>
{
    /// <summary>Initializes the locator.</summary>
    /// <param name="id">The call's id of this locator's kind.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    protected CallLocator(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The id (server call id, group call id or room id).</summary>
    public string Id { get; }

    /// <summary>The wire <c>kind</c> value.</summary>
    internal abstract string Kind { get; }

    /// <summary>The wire property holding <see cref="Id"/>.</summary>
    internal abstract string IdPropertyName { get; }

    /// <inheritdoc />
    public bool Equals(CallLocator? other) => other is not null && other.GetType() == GetType() && other.Id == Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CallLocator other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GetType(), Id);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Id}";
}
