using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>What is recorded (wire <c>RecordingContentType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecordingContent>))]
public enum RecordingContent
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>Audio only.</summary>
    Audio,

    /// <summary>Audio and video.</summary>
    AudioVideo,
}
