using System.Globalization;

namespace CallFlows.Benchmarks.Harness;

/// <summary>Percentiles and formatting.</summary>
internal static class Stats
{
    /// <summary>Nearest-rank percentile of <paramref name="values"/> (NaN when empty).</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"p50 / p95 / p99" in milliseconds, with the sample count.</summary>
    public static string Ms(IReadOnlyList<double> values) =>
        values.Count == 0
            ? "no samples"
            : string.Create(CultureInfo.InvariantCulture, $"{Percentile(values, 50):0} / {Percentile(values, 95):0} / {Percentile(values, 99):0} (n={values.Count})");

    public static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
