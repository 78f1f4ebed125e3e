using System.Globalization;
using CallFlows.LocalHost;
using CallFlows.LocalHost.App;

namespace CallFlows.Benchmarks.Harness;

/// <summary>
/// <c>CallFlows.Benchmarks host --settings HostJson|EngineDefaults --emulator URL --storage CONN --port N</c>: the
/// CallFlows app on the local host with the same options as the in-process runs, pointed at an external emulator,
/// until killed. The memory run starts it so that the host's RSS is measured alone (workstation GC, as a Functions
/// isolated worker).
/// </summary>
internal static class HostProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) =>
            Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is required.");
        var settings = Enum.Parse<EngineSettingsSource>(Arg("--settings"));
        CallFlowsLocalAppOptions options = BenchStack.AppOptions(settings, Arg("--storage"), int.Parse(Arg("--port"), CultureInfo.InvariantCulture), "BenchMem");
        options.ExternalEmulator = new Uri(Arg("--emulator"));
        await using CallFlowsLocalApp app = await CallFlowsLocalApp.StartAsync(options);
        Console.WriteLine("ready " + app.BaseAddress);
        await app.Host.WaitForShutdownAsync();
        return 0;
    }
}
