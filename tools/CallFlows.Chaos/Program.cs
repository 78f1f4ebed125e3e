using System.Globalization;
using CallFlows.Chaos;

// dotnet run --project tools/CallFlows.Chaos -- --calls 100 --kills 6 --seed 1 [--hosts 3] [--window 60] [--drain 120] [--out DIR] [--quiet]
// dotnet run --project tools/CallFlows.Chaos -- --admission-burst 45 [--hosts 3] [--rate 1] [--bucket 5] [--out DIR] [--quiet]
const string Usage = "Usage: --calls N --kills K --seed S [--hosts H] [--window SECONDS] [--drain SECONDS] [--out DIR] [--host-log-level Information] [--quiet]\n"
    + "   or: --admission-burst CALLS [--hosts H (2 or more, default 3)] [--rate PER_SECOND] [--bucket SIZE] [--out DIR] [--quiet]";
var options = new ChaosOptions();
var admission = new AdmissionBurstOptions();
bool admissionRun = false;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--calls": options.Calls = NextInt(); break;
        case "--kills": options.Kills = NextInt(); break;
        case "--seed": options.Seed = NextInt(); break;
        case "--hosts": options.Hosts = admission.Hosts = NextInt(); break;
        case "--window": options.PlacementWindow = TimeSpan.FromSeconds(NextInt()); break;
        case "--drain": options.Drain = TimeSpan.FromSeconds(NextInt()); break;
        case "--out": options.OutputDirectory = admission.OutputDirectory = Next(); break;
        case "--host-log-level": options.HostLogLevel = Next(); break;
        case "--quiet": options.Verbose = admission.Verbose = false; break;
        case "--admission-burst": admission.CallsPerBurst = NextInt(); admissionRun = true; break;
        case "--rate": admission.MaxStartsPerSecond = NextInt(); break;
        case "--bucket": admission.MaxBurst = NextInt(); break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. {Usage}");
            return 2;
    }
}

if (options.Hosts < 1 || (admissionRun && admission.Hosts < 2))
{
    Console.Error.WriteLine($"--hosts must be at least 1 (at least 2 with --admission-burst). {Usage}");
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
if (admissionRun)
{
    AdmissionBurstReport burst = await AdmissionBurstRunner.RunAsync(admission, Console.Out, cts.Token);
    Console.WriteLine();
    Console.WriteLine(burst);
    return burst.OneHost.RangOut == 0 && burst.AllHosts.RangOut == 0 ? 0 : 1;
}

ChaosReport report = await ChaosRunner.RunAsync(options, Console.Out, cts.Token);
Console.WriteLine();
Console.WriteLine(report);
return report.Passed ? 0 : 1;
