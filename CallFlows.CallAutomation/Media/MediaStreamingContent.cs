using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>What a media stream carries (wire <c>MediaStreamingContentType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<MediaStreamingContent>))]
public enum MediaStreamingContent
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>Audio.</summary>
    Audio,
}
