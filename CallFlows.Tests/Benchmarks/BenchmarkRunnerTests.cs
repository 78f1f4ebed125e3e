using System.Text.RegularExpressions;
using CallFlows.Benchmarks;

namespace CallFlows.Tests.Benchmarks;

/// <summary>
/// Keeps the benchmark harness from rotting: its smallest mode runs every section for a handful of calls against the
/// real engine and emulator, and the report must be complete and well formed. Timings are NOT asserted (speed is
/// shown only by the benchmark itself).
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class BenchmarkRunnerTests
{
    [Fact]
    public async Task RunAsync_SmokeMode_ReportsEverySectionForBothEngineSettings()
    {
        var progress = new StringWriter();

        BenchmarkReport report = await BenchmarkRunner.RunAsync(BenchmarkOptions.Smoke, progress);

        report.Mode.Should().Be("smoke");
        report.Environment.Should().Contain(line => line.StartsWith("machine: ", StringComparison.Ordinal));
        report.Tables.Should().HaveCount(4);
        foreach (BenchmarkTable table in report.Tables)
        {
            table.Columns.Should().Equal("engine defaults", "host.json (tuned)");
            table.Rows.Should().NotBeEmpty();
            foreach (BenchmarkRow row in table.Rows)
            {
                row.Values.Should().HaveCount(2, row.Label);
                row.Values.Should().OnlyContain(v => v.Length > 0 && !v.StartsWith("error", StringComparison.Ordinal) && v != "no samples",
                    $"'{table.Title}' / '{row.Label}' must hold a measurement; progress:{Environment.NewLine}{progress}");
            }
        }

        var number = new Regex(@"^\d+(\.\d+)?");
        BenchmarkRow latency = report.Tables[0].Rows.First(r => r.Label.Contains("IncomingCall → Answer", StringComparison.Ordinal));
        latency.Values.Should().OnlyContain(v => Regex.IsMatch(v, @"^\d+ / \d+ / \d+ \(n=\d+\)$"));
        BenchmarkRow ratio = report.Tables[1].Rows.Single(r => r.Label == "CallFlows / raw");
        ratio.Values.Should().OnlyContain(v => number.IsMatch(v));
        BenchmarkRow shortIndex = report.Tables[2].Rows.Single(r => r.Label == "short call: event index of the step");
        shortIndex.Values.Should().OnlyContain(v => v == BenchmarkOptions.Smoke.ShortCallEvents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        BenchmarkRow longIndex = report.Tables[2].Rows.Single(r => r.Label == "long call: event index of the step");
        longIndex.Values.Should().OnlyContain(v => v == BenchmarkOptions.Smoke.LongCallEvents.ToString(System.Globalization.CultureInfo.InvariantCulture));
        BenchmarkRow memory = report.Tables[3].Rows.Single(r => r.Label == "host RSS MiB per 1,000 waiting calls");
        memory.Values.Should().OnlyContain(v => number.IsMatch(v) || v.StartsWith('-'));
        report.ToMarkdown().Should().Contain("### 4. Host memory per 1,000 waiting calls");
    }
}
