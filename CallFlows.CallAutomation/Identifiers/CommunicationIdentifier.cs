using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// Identifies a participant in Azure Communication Services (a phone number, an ACS user, a Teams user, ...).
/// Mirrors <c>Azure.Communication.CommunicationIdentifier</c>: two identifiers are equal when their
/// <see cref="RawId"/> values are equal.
/// </summary>
/// <remarks>
/// Serialized with System.Text.Json as the REST wire model (<c>kind</c>, <c>rawId</c> and the nested object of
/// that kind) regardless of the serializer options, so identifiers and every model that holds them survive
/// Durable Task's JSON data converter.
/// </remarks>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public abstract class CommunicationIdentifier : IEquatable<CommunicationIdentifier>
{
    /// <summary>Initializes a new instance for mocking and derived types.</summary>
    protected CommunicationIdentifier()
    {
    }

    /// <summary>The raw id of the identifier, e.g. <c>4:+15551234567</c> or <c>8:acs:...</c>.</summary>
    public abstract string RawId { get; }

    /// <summary>Creates the typed identifier that a raw id denotes (the inverse of <see cref="RawId"/>).</summary>
    /// <param name="rawId">A raw id such as <c>4:+15551234567</c>, <c>8:acs:...</c>, <c>8:orgid:...</c> or <c>28:orgid:...</c>.</param>
    /// <returns>The identifier; an <see cref="UnknownIdentifier"/> when the prefix is not recognized.</returns>
    /// <exception cref="ArgumentException"><paramref name="rawId"/> is null or empty.</exception>
    public static CommunicationIdentifier FromRawId(string rawId)
    {
        ArgumentException.ThrowIfNullOrEmpty(rawId);
        return RawIdParser.Parse(rawId);
    }

    /// <inheritdoc />
    public bool Equals(CommunicationIdentifier? other) => other is not null && string.Equals(RawId, other.RawId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CommunicationIdentifier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RawId);

    /// <summary>Returns the raw id.</summary>
    /// <returns>The raw id.</returns>
    public override string ToString() => RawId;

    /// <summary>Value equality by raw id.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns><see langword="true"/> when both are null or have the same raw id.</returns>
    public static bool operator ==(CommunicationIdentifier? left, CommunicationIdentifier? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality by raw id.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns><see langword="true"/> when the raw ids differ.</returns>
    public static bool operator !=(CommunicationIdentifier? left, CommunicationIdentifier? right) => !(left == right);
}
