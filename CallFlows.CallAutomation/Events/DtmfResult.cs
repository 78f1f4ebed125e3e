using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>The tones a DTMF recognize collected (wire <c>dtmfResult</c>).</summary>
public sealed class DtmfResult
{
    private readonly IReadOnlyList<DtmfTone> _tones = [];

    /// <summary>The tones, in the order pressed (a stop tone is not included).</summary>
    public IReadOnlyList<DtmfTone> Tones
    {
        get => _tones;
        init => _tones = value ?? [];
    }

    /// <summary>The tones as keypad characters, e.g. <c>"12"</c>.</summary>
    [JsonIgnore]
    public string Digits => DtmfTones.ToDigits(Tones.Where(t => t != DtmfTone.Unknown));
}
