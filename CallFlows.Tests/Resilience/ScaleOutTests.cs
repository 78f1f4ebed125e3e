using CallFlows.Chaos;
using Xunit.Abstractions;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// Scale-out: three app processes on one task hub behind a loopback balancer (the Event Grid webhook and the callback
/// base URL point at it), one SIGKILLed while calls run; and admission control across instances.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ChaosRunner_ThreeHostsOneKill_CallsSpreadAndNothingLostStuckOrDuplicated()
    {
        var progress = new StringWriter();
        ChaosReport report = await ChaosRunner.RunAsync(new ChaosOptions
        {
            Hosts = 3,
            Calls = 18,                                  // the 12 scenarios once, then six again
            Kills = 1,
            Seed = 3,
            PlacementWindow = TimeSpan.FromSeconds(18),
            Drain = TimeSpan.FromSeconds(75),
        }, progress);
        output.WriteLine(progress.ToString());
        output.WriteLine(report.ToString());

        report.Calls.Should().HaveCount(18);
        report.RestartTimes.Should().HaveCount(1, "the kill must have happened");
        report.Hosts.Should().HaveCount(3);
        report.Hosts.Sum(h => h.Kills).Should().Be(1);
        report.Hosts.Single(h => h.Kills == 1).ProcessIds.Should().HaveCount(2, "the killed host was restarted in its slot");

        // Spread: Event Grid deliveries, callbacks, the calls' starts and the orchestrations' execution.
        report.Hosts.Count(h => h.Traffic!.IncomingCallDeliveries > 0).Should().BeGreaterThan(1, "the balancer spreads Event Grid deliveries");
        report.Hosts.Count(h => h.Traffic!.Callbacks > 0).Should().BeGreaterThan(1, "the balancer spreads ACS callbacks");
        report.Hosts.Count(h => h.CallsStarted > 0).Should().BeGreaterThan(1, "more than one host started calls");
        report.Hosts.Count(h => h.OrchestrationEpisodes > 0).Should().BeGreaterThan(1, "the task hub's partitions are shared: more than one host runs flows");
        report.Hosts.Sum(h => h.CallsStarted).Should().BeLessThanOrEqualTo(18, "no call's orchestration is created twice, whichever host gets a redelivery");

        report.Lost.Should().Be(0);
        report.Stuck.Should().Be(0);
        report.Duplicates.Should().BeEmpty("each call action is performed once, whichever host runs it");
    }

    [Fact]
    public async Task AdmissionBurst_ThreeHosts_AdmitAboutThreeTimesWhatOneHostAdmits()
    {
        var options = new AdmissionBurstOptions { Hosts = 3, CallsPerBurst = 30, MaxStartsPerSecond = 1, MaxBurst = 4 };
        var progress = new StringWriter();
        AdmissionBurstReport report = await AdmissionBurstRunner.RunAsync(options, progress);
        output.WriteLine(progress.ToString());
        output.WriteLine(report.ToString());

        foreach (AdmissionBurstPhase phase in new[] { report.OneHost, report.AllHosts })
        {
            phase.RangOut.Should().Be(0, $"{phase.Name}: every call is answered or rejected as busy within its ring time");
            (phase.Answered + phase.RejectedBusy).Should().Be(options.CallsPerBurst);
            phase.StartedPerHost.Sum().Should().Be(phase.Answered, $"{phase.Name}: one orchestration per admitted call, none for a busy one");
            phase.StartedPerHost.Should().OnlyContain(n => n <= report.PerHostBound(phase.Spread), "each host admits at most its bucket plus the refill during the burst");
        }

        // One host: only it admits, at least its full bucket. All hosts: each admits at least its own full bucket (each gets
        // 10 of the 30 calls, more than the bucket), so the app as a whole admits hosts x the per-instance limits.
        report.OneHost.StartedPerHost.Skip(1).Should().OnlyContain(n => n == 0, "the balancer was pinned to host 0");
        report.OneHost.Answered.Should().BeGreaterThanOrEqualTo(options.MaxBurst);
        report.AllHosts.StartedPerHost.Should().OnlyContain(n => n >= options.MaxBurst, "every host admits its own bucket");
        report.AllHosts.Answered.Should().BeGreaterThan(report.OneHost.Answered, "the limits are per instance: more hosts admit more calls");
    }
}
