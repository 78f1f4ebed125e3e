using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>How media or transcription is streamed (wire <c>StreamingTransportType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<StreamingTransport>))]
public enum StreamingTransport
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>A WebSocket to the transport URL.</summary>
    Websocket,
}
