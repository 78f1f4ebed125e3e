using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>An identifier whose raw id has no known prefix; kept verbatim.</summary>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public sealed class UnknownIdentifier : CommunicationIdentifier
{
    /// <summary>Creates an unknown identifier.</summary>
    /// <param name="id">The raw id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public UnknownIdentifier(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The raw id.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public override string RawId => Id;
}
