using System.Globalization;
using CallFlows.Chaos;

// dotnet run --project tools/CallFlows.Chaos -- --calls 100 --kills 6 --seed 1 [--window 60] [--drain 120] [--out DIR] [--quiet]
var options = new ChaosOptions();
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--calls": options.Calls = NextInt(); break;
        case "--kills": options.Kills = NextInt(); break;
        case "--seed": options.Seed = NextInt(); break;
        case "--window": options.PlacementWindow = TimeSpan.FromSeconds(NextInt()); break;
        case "--drain": options.Drain = TimeSpan.FromSeconds(NextInt()); break;
        case "--out": options.OutputDirectory = Next(); break;
        case "--quiet": options.Verbose = false; break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: --calls N --kills K --seed S [--window SECONDS] [--drain SECONDS] [--out DIR] [--quiet]");
            return 2;
    }
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
ChaosReport report = await ChaosRunner.RunAsync(options, Console.Out, cts.Token);
Console.WriteLine();
Console.WriteLine(report);
return report.Passed ? 0 : 1;
