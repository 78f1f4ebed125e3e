using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The recording's file format (wire <c>RecordingFormatType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecordingFormat>))]
public enum RecordingFormat
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>WAV.</summary>
    Wav,

    /// <summary>MP3.</summary>
    Mp3,

    /// <summary>MP4.</summary>
    Mp4,
}
