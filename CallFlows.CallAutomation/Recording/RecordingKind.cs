using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>Who records (wire <c>RecordingKind</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecordingKind>))]
public enum RecordingKind
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>Azure Communication Services.</summary>
    AzureCommunicationServices,

    /// <summary>Microsoft Teams.</summary>
    Teams,

    /// <summary>Teams compliance recording.</summary>
    TeamsCompliance,
}
