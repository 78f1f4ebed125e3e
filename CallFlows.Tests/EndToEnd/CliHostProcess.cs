using System.Globalization;
using CallFlows.Testing.Processes;

namespace CallFlows.Tests.EndToEnd;

/// <summary>A <c>CallFlows.LocalHost start --emulator URL</c> child process: the app wired to an emulator the test owns.</summary>
internal sealed class CliHostProcess : IAsyncDisposable
{
    readonly ChildProcess process;

    CliHostProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        this.BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ChildProcess Process => this.process;

    public string Output => this.process.Output;

    public static async Task<CliHostProcess> StartAsync(Uri emulator, string storage, string taskHub, int port, CancellationToken cancellationToken)
    {
        var host = new CliHostProcess(
            ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "CallFlows.LocalHost.dll"),
            [
                "start",
                "--emulator", emulator.AbsoluteUri,
                "--storage", storage,
                "--taskhub", taskHub,
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--log-level", "Warning",
            ]),
            new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            // Ready when the banner is printed: the host is listening and the webhook registration is done.
            await host.process.WaitForLineAsync(l => l.StartsWith("CallFlows is running.", StringComparison.Ordinal), cancellationToken);
            await host.process.WaitForHttpOkAsync(new Uri(host.BaseAddress, "admin/host/status"), cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no graceful shutdown; partition leases stay held until they expire.</summary>
    public Task KillAsync() => this.process.KillAsync();

    public ValueTask DisposeAsync() => this.process.DisposeAsync();
}
