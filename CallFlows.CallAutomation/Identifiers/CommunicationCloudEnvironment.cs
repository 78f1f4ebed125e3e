namespace CallFlows.CallAutomation;

/// <summary>The cloud a Teams identifier belongs to (wire values <c>public</c>, <c>dod</c>, <c>gcch</c>).</summary>
public readonly struct CommunicationCloudEnvironment : IEquatable<CommunicationCloudEnvironment>
{
    private readonly string? _value;

    /// <summary>Creates a cloud environment from its wire value.</summary>
    /// <param name="value">The wire value, e.g. <c>public</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public CommunicationCloudEnvironment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>Azure public cloud.</summary>
    public static CommunicationCloudEnvironment Public { get; } = new("public");

    /// <summary>US Department of Defense cloud.</summary>
    public static CommunicationCloudEnvironment Dod { get; } = new("dod");

    /// <summary>US Government Community Cloud High.</summary>
    public static CommunicationCloudEnvironment Gcch { get; } = new("gcch");

    /// <summary>Creates a cloud environment from a wire value.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The cloud environment.</returns>
    public static CommunicationCloudEnvironment FromName(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(CommunicationCloudEnvironment other) => string.Equals(ToString(), other.ToString(), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CommunicationCloudEnvironment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(ToString());

    /// <summary>The wire value; <c>public</c> for the default instance.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => _value ?? "public";

    /// <summary>Equality by wire value (case-insensitive).</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>Whether both denote the same cloud.</returns>
    public static bool operator ==(CommunicationCloudEnvironment left, CommunicationCloudEnvironment right) => left.Equals(right);

    /// <summary>Inequality by wire value.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>Whether the clouds differ.</returns>
    public static bool operator !=(CommunicationCloudEnvironment left, CommunicationCloudEnvironment right) => !left.Equals(right);

    /// <summary>Converts a wire value to a cloud environment.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CommunicationCloudEnvironment(string value) => new(value);
}
