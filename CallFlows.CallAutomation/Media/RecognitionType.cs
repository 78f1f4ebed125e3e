using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>How a recognize operation was satisfied (wire <c>RecognitionType</c> of <see cref="RecognizeCompleted"/>).</summary>
[JsonConverter(typeof(WireEnumConverter<RecognitionType>))]
public enum RecognitionType
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>DTMF tones were collected: see <see cref="RecognizeCompleted.DtmfResult"/>.</summary>
    Dtmf,

    /// <summary>Speech was recognized: see <see cref="RecognizeCompleted.SpeechResult"/>.</summary>
    Speech,

    /// <summary>A choice matched: see <see cref="RecognizeCompleted.ChoiceResult"/>.</summary>
    Choices,
}
