using System.Globalization;
using System.Runtime.InteropServices;

namespace CallFlows.Benchmarks.Harness;

/// <summary>Facts about the machine and the load on it, read from <c>/proc</c> where available.</summary>
internal static class MachineInfo
{
    /// <summary>The 1-, 5- and 15-minute load averages, e.g. <c>3.10/2.95/2.80</c>, or <c>n/a</c>.</summary>
    public static string LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}/{parts[1]}/{parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>The 1-minute load average, or NaN.</summary>
    public static double Load1()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Resident set size of a process in MiB (VmRSS), or NaN.</summary>
    public static double RssMiB(int processId)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return double.NaN;
    }

    public static IReadOnlyList<string> Describe(string azuriteVersion)
    {
        string cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        static string Version(Type type) => type.Assembly.GetName().Version?.ToString() ?? "?";
        return
        [
            $"machine: {Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, shared with other work: load average (1/5/15 min) at start {LoadAverage()}",
            $"runtime: {RuntimeInformation.FrameworkDescription}, workstation GC; DurableTask.Core {Version(typeof(global::DurableTask.Core.TaskHubWorker))}, DurableTask.AzureStorage {Version(typeof(global::DurableTask.AzureStorage.AzureStorageOrchestrationService))}, Microsoft.DurableTask.Client {Version(typeof(Microsoft.DurableTask.Client.DurableTaskClient))}",
            $"storage: Azurite {azuriteVersion} (in-memory, its own ports, one Node process per service with the LocalHost's index patch unless section 6 says otherwise), a fresh Azurite per column and a fresh task hub per host",
            "emulator, load driver and app host in one process for latency/throughput/step sections (the emulator's CPU competes with the host); the memory section runs the host in its own process",
        ];
    }
}
