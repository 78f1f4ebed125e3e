using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>What a recognize operation listens for (wire <c>RecognizeInputType</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecognizeInputType>))]
public enum RecognizeInputType
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>DTMF key presses.</summary>
    Dtmf,

    /// <summary>Free speech (speech-to-text).</summary>
    Speech,

    /// <summary>Speech or DTMF, whichever comes first.</summary>
    SpeechOrDtmf,

    /// <summary>One of a list of choices, by phrase or by tone.</summary>
    Choices,
}
