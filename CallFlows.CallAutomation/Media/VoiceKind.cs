using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The kind of text-to-speech voice (wire <c>VoiceKind</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<VoiceKind>))]
public enum VoiceKind
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>A male voice.</summary>
    Male,

    /// <summary>A female voice.</summary>
    Female,
}
