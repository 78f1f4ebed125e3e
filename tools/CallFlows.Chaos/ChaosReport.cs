using System.Globalization;
using System.Text;

namespace CallFlows.Chaos;

/// <summary>The outcome of a chaos run.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Calls">Every call and its verdict.</param>
/// <param name="Duplicates">Call actions performed more than once (each must be performed once).</param>
/// <param name="RestartTimes">Per kill: time from SIGKILL until the new process answered its readiness probe.</param>
/// <param name="WallTime">Duration of the whole run.</param>
/// <param name="OutputDirectory">Where the host logs are.</param>
public sealed record ChaosReport(
    ChaosOptions Options,
    IReadOnlyList<ChaosCallResult> Calls,
    IReadOnlyList<DuplicatedAction> Duplicates,
    IReadOnlyList<TimeSpan> RestartTimes,
    TimeSpan WallTime,
    string OutputDirectory)
{
    /// <summary>
    /// Gets the media requests sent again after a kill: operations without repeatability in the spec
    /// (<see cref="DuplicateActionDetector.WithoutRepeatability"/>), a known limit reported apart from <see cref="Duplicates"/>.
    /// </summary>
    public IReadOnlyList<DuplicatedAction> ResentWithoutRepeatability { get; init; } = [];

    /// <summary>Gets what each host slot did (calls started, orchestrations executed, traffic received). Empty when not measured.</summary>
    public IReadOnlyList<ChaosHostReport> Hosts { get; init; } = [];

    /// <summary>Gets how many calls completed with their expected outcome.</summary>
    public int Expected => this.Calls.Count(c => c.Verdict == ChaosVerdict.Expected);

    /// <summary>Gets how many calls ended with another outcome.</summary>
    public int Unexpected => this.Calls.Count(c => c.Verdict == ChaosVerdict.Unexpected);

    /// <summary>Gets how many calls were lost.</summary>
    public int Lost => this.Calls.Count(c => c.Verdict == ChaosVerdict.Lost);

    /// <summary>Gets how many calls were stuck at the deadline.</summary>
    public int Stuck => this.Calls.Count(c => c.Verdict == ChaosVerdict.Stuck);

    /// <summary>Gets a value indicating whether nothing was lost, stuck or duplicated.</summary>
    public bool Passed => this.Lost == 0 && this.Stuck == 0 && this.Duplicates.Count == 0;

    /// <summary>Renders the report as a table.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Row(string name, string value) => text.AppendLine(CultureInfo.InvariantCulture, $"| {name,-34} | {value,-40} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {"metric",-34} | {"value",-40} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|{new string('-', 36)}|{new string('-', 42)}|");
        Row("seed", this.Options.Seed.ToString(CultureInfo.InvariantCulture));
        Row("host processes on the task hub", this.Options.Hosts.ToString(CultureInfo.InvariantCulture));
        Row("calls", this.Calls.Count.ToString(CultureInfo.InvariantCulture));
        Row("completed with expected outcome", this.Expected.ToString(CultureInfo.InvariantCulture));
        Row("completed with another outcome", this.Unexpected.ToString(CultureInfo.InvariantCulture));
        Row("lost", this.Lost.ToString(CultureInfo.InvariantCulture));
        Row("stuck", this.Stuck.ToString(CultureInfo.InvariantCulture));
        Row("duplicated actions", this.Duplicates.Count.ToString(CultureInfo.InvariantCulture));
        Row("media re-sent (no repeatability)", this.ResentWithoutRepeatability.Count.ToString(CultureInfo.InvariantCulture));
        Row("kills (SIGKILL)", this.RestartTimes.Count.ToString(CultureInfo.InvariantCulture));
        Row("restart times (kill -> ready)", this.RestartTimes.Count == 0
            ? "-"
            : string.Join(" ", this.RestartTimes.Select(t => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s")));
        Row("wall time", this.WallTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
        if (this.Hosts.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("By host (a killed process counts until its last reading, at most a second before the kill):");
            text.AppendLine("  host  processes (pid)        kills  calls started  orchestration episodes  instances executed  activities  deliveries  callbacks  refused  readings (missed)");
            foreach (ChaosHostReport host in this.Hosts)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {host.Slot,4}  {string.Join(" ", host.ProcessIds),-22} {host.Kills,5}  {host.CallsStarted,13}  {host.OrchestrationEpisodes,22}  {host.OrchestrationInstances,18}  {host.Activities,10}  {Count(host.Traffic?.IncomingCallDeliveries),10}  {Count(host.Traffic?.Callbacks),9}  {Count(host.Traffic?.Refused),7}  {host.Readings} ({host.MissedReadings})");
            }
        }

        text.AppendLine();
        text.AppendLine("By scenario (expected/total):");
        foreach (var group in this.Calls.GroupBy(c => c.Scenario.Name))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {group.Key,-20} {group.Count(c => c.Verdict == ChaosVerdict.Expected),3}/{group.Count(),-3}");
        }

        foreach (ChaosCallResult call in this.Calls.Where(c => c.Verdict != ChaosVerdict.Expected))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  #{call.Index} {call.Scenario.Name} {call.InstanceId}: {call.Verdict} ({call.RuntimeStatus ?? "no instance"}, {call.Flow}/{call.Result}) {call.Detail}");
        }

        foreach (DuplicatedAction duplicate in this.Duplicates)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  duplicated: {duplicate.Operation} on {duplicate.Target} ({duplicate.LogicalAction}) x{duplicate.Count}");
        }

        foreach (DuplicatedAction resent in this.ResentWithoutRepeatability)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  re-sent after a kill (the spec gives {resent.Operation} no repeatability; a known limit): on {resent.Target} ({resent.LogicalAction}) x{resent.Count}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Host logs: {this.OutputDirectory} (with deliveries.log: the emulator's deliveries of every call that did not end as expected)");
        text.AppendLine(this.Passed ? "RESULT: PASS (lost = stuck = duplicated = 0)" : "RESULT: FAIL");
        return text.ToString();
    }

    static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
