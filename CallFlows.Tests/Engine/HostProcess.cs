using System.Globalization;
using CallFlows.Testing.Processes;

namespace CallFlows.Tests.Engine;

/// <summary>A <c>CallFlows.LocalHost serve</c> child process hosting this test assembly's sample functions.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    readonly ChildProcess process;

    HostProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        this.BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ChildProcess Process => this.process;

    public string Output => this.process.Output;

    public static async Task<HostProcess> StartAsync(string storage, string taskHub, int port, CancellationToken cancellationToken)
    {
        var host = new HostProcess(
            ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "CallFlows.LocalHost.dll"),
            [
                "serve",
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--taskhub", taskHub,
                "--storage", storage,
                "--functions-assembly", typeof(HostProcess).Assembly.Location,
                "--log-level", "Warning",
            ]),
            new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await host.process.WaitForHttpOkAsync(new Uri(host.BaseAddress, "admin/host/status"), cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, leases stay held until they expire.</summary>
    public Task KillAsync() => this.process.KillAsync();

    public ValueTask DisposeAsync() => this.process.DisposeAsync();
}
