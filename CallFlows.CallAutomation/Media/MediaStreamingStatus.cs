using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The state a media streaming event reports (wire <c>MediaStreamingStatus</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<MediaStreamingStatus>))]
public enum MediaStreamingStatus
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>Streaming started.</summary>
    MediaStreamingStarted,

    /// <summary>Streaming failed.</summary>
    MediaStreamingFailed,

    /// <summary>Streaming stopped.</summary>
    MediaStreamingStopped,

    /// <summary>An unspecified error.</summary>
    UnspecifiedError,
}
