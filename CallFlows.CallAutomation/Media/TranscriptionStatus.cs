using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The state a transcription event reports (wire <c>TranscriptionStatus</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<TranscriptionStatus>))]
public enum TranscriptionStatus
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>Transcription started.</summary>
    TranscriptionStarted,

    /// <summary>Transcription failed.</summary>
    TranscriptionFailed,

    /// <summary>Transcription resumed.</summary>
    TranscriptionResumed,

    /// <summary>Transcription was updated.</summary>
    TranscriptionUpdated,

    /// <summary>Transcription stopped.</summary>
    TranscriptionStopped,

    /// <summary>An unspecified error.</summary>
    UnspecifiedError,
}
