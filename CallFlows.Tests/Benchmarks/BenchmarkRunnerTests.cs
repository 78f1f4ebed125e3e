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
    public async Task RunAsync_SmokeMode_ReportsEverySectionForBothEngineSettingsAndEachAzuriteLayout()
    {
        var progress = new StringWriter();

        BenchmarkReport report = await BenchmarkRunner.RunAsync(BenchmarkOptions.Smoke, progress);

        report.Mode.Should().Be("smoke");
        report.Environment.Should().Contain(line => line.StartsWith("machine: ", StringComparison.Ordinal));
        report.Tables.Should().HaveCount(6);
        foreach (BenchmarkTable table in report.Tables)
        {
            table.Columns.Should().Equal(table == report.Tables[5]
                ? ["one Azurite process", "a process per service", "a process per service, no index patch"]
                : ["engine defaults", "host.json (tuned)"]);
            table.Rows.Should().NotBeEmpty();
            foreach (BenchmarkRow row in table.Rows)
            {
                row.Values.Should().HaveCount(table.Columns.Count, row.Label);
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
        BenchmarkRow ivr = report.Tables[2].Rows.Single(r => r.Label.StartsWith("IVR: DTMF tone delivered → next media request", StringComparison.Ordinal));
        ivr.Values.Should().OnlyContain(v => Regex.IsMatch(v, $@"^\d+ / \d+ / \d+ \(n={BenchmarkOptions.Smoke.IvrCalls}\)$"), "every IVR call of the smoke run reaches its hold request");
        BenchmarkRow memory = report.Tables[3].Rows.Single(r => r.Label == "host RSS MiB per 1,000 waiting calls");
        memory.Values.Should().OnlyContain(v => number.IsMatch(v) || v.StartsWith('-'));
        report.ToMarkdown().Should().Contain("### 4. Host memory per 1,000 waiting calls");

        // Section 5: storage requests counted at the HTTP level, per call and per idle second.
        BenchmarkTable storage = report.Tables[4];
        foreach (string flow in new[] { "CallFlows flow", "raw flow" })
        {
            Numbers(storage, $"{flow}: storage requests per call (calls measured)").Should().OnlyContain(v => v[0] > 0 && v[1] == BenchmarkOptions.Smoke.StorageCalls);
            double[][] queue = Numbers(storage, $"{flow}: queue get / put / update / delete");
            queue.Should().OnlyContain(v => v.Length == 4 && v[0] >= 1 && v[1] >= 1 && v[3] >= 1, "a call puts, gets and deletes queue messages");
            double[][] table = Numbers(storage, $"{flow}: table query / insert / merge / update / batch");
            double[][] history = Numbers(storage, $"{flow}: orchestration instances / episodes / history rows per call");
            history.Should().OnlyContain(v => v.Length == 3 && v[0] >= 1 && v[1] >= 2 && v[2] > v[1], "a whole call is at least one instance of several episodes");
            for (int column = 0; column < 2; column++)
            {
                table[column].Should().HaveCount(5);
                table[column][4].Should().BeGreaterThanOrEqualTo(history[column][1], "every episode checkpoints its new history rows in an entity group transaction");
            }
        }

        Numbers(storage, "CallFlows / raw storage requests per call").Should().OnlyContain(v => v[0] > 0);
        double[][] idle = Numbers(storage, "idle worker: storage requests/s (quiet s measured)");
        idle.Should().OnlyContain(v => v.Length == 2 && v[0] >= 0 && v[1] > 0);
        idle[1][0].Should().BeGreaterThan(0, "an idle worker at host.json polls its queues");
        Numbers(storage, "idle worker: empty polls / housekeeping / other per s").Should().OnlyContain(v => v.Length == 3);

        // Section 6: the same closed loop on each Azurite layout.
        BenchmarkTable layouts = report.Tables[5];
        Numbers(layouts, "Azurite processes").Select(v => v[0]).Should().Equal(1, 3, 3);
        // Calls/s may be 0 on a starved machine in a 2 s window; the engine's storage traffic never is.
        Numbers(layouts, "CallFlows InboundRouting flow: calls/s").Should().OnlyContain(v => v.Length == 2 && v[0] >= 0);
        Numbers(layouts, "storage requests/s under load (CallFlows; raw)").Should().OnlyContain(v => v.Length == 2 && v[0] > 0 && v[1] > 0);
    }

    /// <summary>The numbers in each cell of a row, in order (e.g. "12.0 / 18.0 / 0.0" → [12, 18, 0]).</summary>
    static double[][] Numbers(BenchmarkTable table, string label)
    {
        BenchmarkRow row = table.Rows.Single(r => r.Label == label);
        return row.Values
            .Select(v => Regex.Matches(v, @"\d+(\.\d+)?").Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
    }
}
