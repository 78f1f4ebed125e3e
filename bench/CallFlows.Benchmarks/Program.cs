using CallFlows.Benchmarks;
using CallFlows.Benchmarks.Harness;

if (args.Length > 0 && args[0] == "host")
{
    // The memory run's host process: the CallFlows app alone, on the emulator of the parent process.
    return await HostProcess.RunAsync(args);
}


// dotnet run -c Release --project bench/CallFlows.Benchmarks [-- --quick | --smoke] [--settings EngineDefaults|HostJson] [--baseline-host-json PATH] [--layouts-only [--rounds N]] [--storage-only [--calls N]] [--capacity-only] [--out results.md]
var options = args.Contains("--smoke") ? BenchmarkOptions.Smoke
    : args.Contains("--quick") ? BenchmarkOptions.Quick
    : BenchmarkOptions.Full;
int settingsIndex = Array.IndexOf(args, "--settings");
if (settingsIndex >= 0 && settingsIndex + 1 < args.Length)
{
    // e.g. --settings HostJson: one column only (to rerun or compare a host.json variant).
    options = options with { Settings = [Enum.Parse<CallFlows.LocalHost.EngineSettingsSource>(args[settingsIndex + 1], ignoreCase: true)] };
}

int baselineIndex = Array.IndexOf(args, "--baseline-host-json");
if (baselineIndex >= 0 && baselineIndex + 1 < args.Length)
{
    // e.g. the shipped host.json before a change (git show main:host.json > before.json): a column for sections 2 and 5.
    options = options with { BaselineHostJson = args[baselineIndex + 1] };
}

if (args.Contains("--layouts-only"))
{
    // Section 6 alone, e.g. --layouts-only --rounds 3: the Azurite layouts in turn, three rounds.
    int roundsIndex = Array.IndexOf(args, "--rounds");
    int rounds = roundsIndex >= 0 && roundsIndex + 1 < args.Length ? int.Parse(args[roundsIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    options = options with { Settings = [], BaselineHostJson = null, LayoutRounds = rounds };
}

if (args.Contains("--storage-only"))
{
    // Section 5's per-call counts alone (a minute or two), host.json column only unless --settings says otherwise;
    // --calls N whole calls per flow (default 5); the last call's requests are listed one by one in the progress output.
    int callsIndex = Array.IndexOf(args, "--calls");
    int calls = callsIndex >= 0 && callsIndex + 1 < args.Length ? int.Parse(args[callsIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : options.StorageCalls;
    options = options with
    {
        Mode = options.Mode + ", storage only",
        StorageOnly = true,
        StorageCalls = calls,
        CompareAzuriteLayouts = false,
        Settings = settingsIndex >= 0 ? options.Settings : [CallFlows.LocalHost.EngineSettingsSource.HostJson],
    };
}

if (args.Contains("--capacity-only"))
{
    // Section 2 and the latency at 80 % of the capacity it measured (issue 13's latency target), host.json column only
    // unless --settings says otherwise; the five slowest answers are listed with when their calls arrived.
    options = options with
    {
        Mode = options.Mode + ", capacity only",
        CapacityOnly = true,
        CompareAzuriteLayouts = false,
        Settings = settingsIndex >= 0 ? options.Settings : [CallFlows.LocalHost.EngineSettingsSource.HostJson],
    };
}

int outIndex = Array.IndexOf(args, "--out");
string? outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;

// A hard bound so a stuck run never outlives its budget (about twice what each mode takes on an idle machine: the
// sections run at the machine's pace, and a shared build box can be several times slower).
using var cancellation = new CancellationTokenSource(options.Mode == "full" ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(10));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

BenchmarkReport report = await BenchmarkRunner.RunAsync(options, Console.Out, cancellation.Token);
string text = report.ToMarkdown();
Console.WriteLine();
Console.WriteLine(text);
if (outPath is not null)
{
    await File.WriteAllTextAsync(outPath, text);
}

return report.Tables.Any(t => t.Rows.Any(r => r.Values.Any(v => v.StartsWith("error", StringComparison.Ordinal)))) ? 1 : 0;
