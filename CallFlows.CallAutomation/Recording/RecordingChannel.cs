using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>Mixed or one channel per participant (wire <c>RecordingChannelType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecordingChannel>))]
public enum RecordingChannel
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>All participants in one channel.</summary>
    Mixed,

    /// <summary>One channel per participant.</summary>
    Unmixed,
}
