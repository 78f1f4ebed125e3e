using System.Text.Json.Serialization;
using CallFlows.CallAutomation.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>A DTMF tone (wire <c>Tone</c>: <c>zero</c> … <c>nine</c>, <c>a</c> … <c>d</c>, <c>pound</c>, <c>asterisk</c>).</summary>
[JsonConverter(typeof(WireEnumConverter<DtmfTone>))]
public enum DtmfTone
{
    /// <summary>A value this library does not know.</summary>
    Unknown = 0,

    /// <summary>0.</summary>
    Zero,

    /// <summary>1.</summary>
    One,

    /// <summary>2.</summary>
    Two,

    /// <summary>3.</summary>
    Three,

    /// <summary>4.</summary>
    Four,

    /// <summary>5.</summary>
    Five,

    /// <summary>6.</summary>
    Six,

    /// <summary>7.</summary>
    Seven,

    /// <summary>8.</summary>
    Eight,

    /// <summary>9.</summary>
    Nine,

    /// <summary>A.</summary>
    A,

    /// <summary>B.</summary>
    B,

    /// <summary>C.</summary>
    C,

    /// <summary>D.</summary>
    D,

    /// <summary>#.</summary>
    Pound,

    /// <summary>*.</summary>
    Asterisk,
}
