using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>Whether a recording is capturing (wire <c>RecordingState</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecordingState>))]
public enum RecordingState
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>Recording.</summary>
    Active,

    /// <summary>Paused or not started.</summary>
    Inactive,
}
