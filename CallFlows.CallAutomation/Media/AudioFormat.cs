using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The audio format of a media stream (wire <c>AudioFormat</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<AudioFormat>))]
public enum AudioFormat
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>PCM 16 kHz mono.</summary>
    Pcm16KMono,

    /// <summary>PCM 24 kHz mono.</summary>
    Pcm24KMono,
}
