using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace CallFlows.Tests.Engine;

/// <summary>A <c>CallFlows.LocalHost serve</c> child process hosting this test assembly's sample functions.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    readonly Process process;
    readonly ConcurrentQueue<string> output = new();

    HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        this.BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => string.Join(Environment.NewLine, this.output);

    public static async Task<HostProcess> StartAsync(string storage, string taskHub, int port, CancellationToken cancellationToken)
    {
        string dir = AppContext.BaseDirectory;
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (string arg in new[]
        {
            Path.Combine(dir, "CallFlows.LocalHost.dll"), "serve",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--taskhub", taskHub,
            "--storage", storage,
            "--functions-assembly", typeof(HostProcess).Assembly.Location,
            "--log-level", "Warning",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var host = new HostProcess(Process.Start(psi)!, new Uri($"http://127.0.0.1:{port}/"));
        host.process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (host.process.HasExited)
            {
                throw new InvalidOperationException($"Host exited with {host.process.ExitCode}:{Environment.NewLine}{host.Output}");
            }

            try
            {
                using HttpResponseMessage r = await http.GetAsync("admin/host/status", cancellationToken);
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, leases stay held until they expire.</summary>
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
