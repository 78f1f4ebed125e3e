using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CallFlows.Tests.EndToEnd;

/// <summary>A <c>CallFlows.LocalHost start --emulator URL</c> child process: the app wired to an emulator the test owns.</summary>
internal sealed class CliHostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output = new();

    CliHostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        this.BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => string.Join(Environment.NewLine, this.output);

    public static async Task<CliHostProcess> StartAsync(Uri emulator, string storage, string taskHub, int port, CancellationToken cancellationToken)
    {
        string dir = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (string arg in new[]
        {
            Path.Combine(dir, "CallFlows.LocalHost.dll"), "start",
            "--emulator", emulator.AbsoluteUri,
            "--storage", storage,
            "--taskhub", taskHub,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--log-level", "Warning",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var host = new CliHostProcess(Process.Start(psi)!, new Uri($"http://127.0.0.1:{port}/"));
        host.process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();

        // Ready when the banner is printed: the host is listening and the webhook registration is done.
        while (!host.output.Any(l => l.StartsWith("CallFlows is running.", StringComparison.Ordinal)))
        {
            if (host.process.HasExited)
            {
                throw new InvalidOperationException($"Host exited with {host.process.ExitCode}:{Environment.NewLine}{host.Output}");
            }

            await Task.Delay(100, cancellationToken);
        }

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        (await http.GetAsync("admin/host/status", cancellationToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        return host;
    }

    /// <summary>SIGKILL: no graceful shutdown; partition leases stay held until they expire.</summary>
    public async Task KillAsync()
    {
        if (!this.process.HasExited)
        {
            this.process.Kill(entireProcessTree: true);
            await this.process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.KillAsync();
        this.process.Dispose();
    }

    void Collect(string? line)
    {
        if (line is not null)
        {
            this.output.Enqueue(line);
        }
    }
}
