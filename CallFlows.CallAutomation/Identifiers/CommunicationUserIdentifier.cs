using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>An Azure Communication Services user (raw id <c>8:acs:...</c>, <c>8:spool:...</c>, <c>8:dod-acs:...</c>, <c>8:gcch-acs:...</c>).</summary>
[JsonConverter(typeof(CommunicationIdentifierJsonConverter))]
public sealed class CommunicationUserIdentifier : CommunicationIdentifier
{
    /// <summary>Creates an ACS user identifier.</summary>
    /// <param name="id">The full ACS user id, which is also its raw id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public CommunicationUserIdentifier(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The ACS user id.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public override string RawId => Id;
}
