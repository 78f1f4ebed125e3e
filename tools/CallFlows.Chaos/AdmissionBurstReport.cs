using System.Globalization;
using System.Text;

namespace CallFlows.Chaos;

/// <summary>The outcome of an admission burst across instances: the same burst at one host, then spread over all.</summary>
/// <param name="Options">What was run.</param>
/// <param name="OneHost">The burst with every delivery sent to host 0.</param>
/// <param name="AllHosts">The burst spread round-robin over every host.</param>
/// <param name="OutputDirectory">Where the host logs are.</param>
public sealed record AdmissionBurstReport(AdmissionBurstOptions Options, AdmissionBurstPhase OneHost, AdmissionBurstPhase AllHosts, string OutputDirectory)
{
    /// <summary>Gets calls admitted by all hosts divided by calls admitted by one (the sizing rule says: the number of hosts).</summary>
    public double Ratio => this.OneHost.Answered == 0 ? double.NaN : (double)this.AllHosts.Answered / this.OneHost.Answered;

    /// <summary>Gets the most calls one host may admit in a burst lasting <paramref name="spread"/>: its bucket plus the refill.</summary>
    /// <param name="spread">How long the burst lasted.</param>
    /// <returns>The bound.</returns>
    public long PerHostBound(TimeSpan spread) =>
        this.Options.MaxBurst + (this.Options.MaxStartsPerSecond * ((long)Math.Ceiling(spread.TotalSeconds) + 1));

    /// <summary>Renders the report.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Admission per instance: MaxStartsPerSecond {this.Options.MaxStartsPerSecond}, MaxBurst {this.Options.MaxBurst}; {this.Options.Hosts} hosts on one task hub; ring time {this.Options.RingTimeout.TotalSeconds:0} s");
        foreach (AdmissionBurstPhase phase in new[] { this.OneHost, this.AllHosts })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {phase.Name,-8}: {phase.Placed} calls at once -> {phase.Answered} answered, {phase.RejectedBusy} rejected as busy, {phase.RangOut} rang out; "
                + $"started per host {string.Join(" / ", phase.StartedPerHost)}; over {phase.Spread.TotalSeconds:0.0} s (per-host bound {this.PerHostBound(phase.Spread)})");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  admitted with {this.Options.Hosts} hosts / with one host: {this.Ratio:0.00} (sizing rule: total = hosts x per-instance limits)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Host logs: {this.OutputDirectory}");
        return text.ToString();
    }
}
