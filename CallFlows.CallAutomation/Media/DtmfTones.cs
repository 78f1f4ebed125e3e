namespace CallFlows.CallAutomation;

/// <summary>Converts between <see cref="DtmfTone"/> values and the keypad characters people write (<c>"12#"</c>).</summary>
public static class DtmfTones
{
    private const string Keypad = "0123456789ABCD#*";

    /// <summary>The keypad character of a tone (<c>'0'</c>…<c>'9'</c>, <c>'A'</c>…<c>'D'</c>, <c>'#'</c>, <c>'*'</c>).</summary>
    /// <param name="tone">The tone.</param>
    /// <returns>The character.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tone"/> is <see cref="DtmfTone.Unknown"/>.</exception>
    public static char ToChar(this DtmfTone tone) =>
        tone is > DtmfTone.Unknown and <= DtmfTone.Asterisk
            ? Keypad[(int)tone - 1]
            : throw new ArgumentOutOfRangeException(nameof(tone), tone, "Not a keypad tone.");

    /// <summary>The keypad string of a tone sequence, e.g. <c>"12#"</c>.</summary>
    /// <param name="tones">The tones.</param>
    /// <returns>The string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tones"/> is null.</exception>
    public static string ToDigits(IEnumerable<DtmfTone> tones)
    {
        ArgumentNullException.ThrowIfNull(tones);
        return new string(tones.Select(ToChar).ToArray());
    }

    /// <summary>The tones of a keypad string such as <c>"12#"</c> (case-insensitive letters).</summary>
    /// <param name="digits">The keypad characters.</param>
    /// <returns>The tones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digits"/> is null.</exception>
    /// <exception cref="ArgumentException">A character is not on a DTMF keypad.</exception>
    public static IReadOnlyList<DtmfTone> Parse(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var tones = new List<DtmfTone>(digits.Length);
        foreach (var c in digits)
        {
            var index = Keypad.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException($"'{c}' is not a DTMF key (0-9, A-D, # or *).", nameof(digits));
            }

            tones.Add((DtmfTone)(index + 1));
        }

        return tones;
    }
}
