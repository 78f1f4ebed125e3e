using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>Which audio a media stream carries (wire <c>MediaStreamingAudioChannelType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<MediaStreamingAudioChannel>))]
public enum MediaStreamingAudioChannel
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>All participants mixed into one channel.</summary>
    Mixed,

    /// <summary>One channel per participant.</summary>
    Unmixed,
}
