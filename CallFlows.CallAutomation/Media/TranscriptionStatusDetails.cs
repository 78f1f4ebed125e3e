using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>Why a transcription event was sent (wire <c>TranscriptionStatusDetails</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<TranscriptionStatusDetails>))]
public enum TranscriptionStatusDetails
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>The subscription started.</summary>
    SubscriptionStarted,

    /// <summary>The stream connection was re-established.</summary>
    StreamConnectionReestablished,

    /// <summary>The stream connection could not be made.</summary>
    StreamConnectionUnsuccessful,

    /// <summary>No stream URL was given.</summary>
    StreamUrlMissing,

    /// <summary>The service shut down.</summary>
    ServiceShutdown,

    /// <summary>The stream connection was interrupted.</summary>
    StreamConnectionInterrupted,

    /// <summary>Speech services could not be reached.</summary>
    SpeechServicesConnectionError,

    /// <summary>The subscription stopped.</summary>
    SubscriptionStopped,

    /// <summary>An unspecified error.</summary>
    UnspecifiedError,

    /// <summary>Authentication failed.</summary>
    AuthenticationFailure,

    /// <summary>The request was bad.</summary>
    BadRequest,

    /// <summary>Too many requests.</summary>
    TooManyRequests,

    /// <summary>Forbidden.</summary>
    Forbidden,

    /// <summary>The service timed out.</summary>
    ServiceTimeout,

    /// <summary>The locale was updated.</summary>
    TranscriptionLocaleUpdated,
}
