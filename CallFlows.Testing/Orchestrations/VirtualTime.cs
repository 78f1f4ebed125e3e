using System.Globalization;

namespace CallFlows.Testing.Orchestrations;

/// <summary>How virtual times read in messages: <c>00:00:30</c>, <c>00:00:02.160</c>, <c>7.00:00:00</c>.</summary>
internal static class VirtualTime
{
    public static string Format(TimeSpan time)
    {
        var format = time.Milliseconds == 0 && time.Ticks % TimeSpan.TicksPerMillisecond == 0 ? @"hh\:mm\:ss" : @"hh\:mm\:ss\.fff";
        var text = time.ToString(format, CultureInfo.InvariantCulture);
        return time.Days > 0 ? time.Days.ToString(CultureInfo.InvariantCulture) + "." + text : text;
    }

    public static string Format(TimeSpan? time) => time is { } value ? Format(value) : "never";

    /// <summary>Shortens serialized values in a timeline; the full text stays on the record.</summary>
    public static string Shorten(string? serialized, int max = 160) =>
        serialized is null ? "none" : serialized.Length <= max ? serialized : string.Concat(serialized.AsSpan(0, max), "…");
}
