using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CallFlows.LocalHost.Azurite;
using CallFlows.Testing.Processes;

namespace CallFlows.Tests.EndToEnd;

/// <summary>
/// The long-running commands as real processes: SIGTERM (what <c>docker stop</c> and systemd send) stops them
/// gracefully with exit code 0, and a port already taken is reported in one line with the option to change it.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ProcessSignalTests
{
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EmulatorServe_Sigterm_StopsGracefullyAndReleasesThePort()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        int port = AzuriteServer.GetFreePort();
        await using ChildProcess emulator = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "CallFlows.Emulator.dll"), ["serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--quiet"]);
        await emulator.WaitForLineAsync(l => l.StartsWith("ACS Call Automation emulator listening on", StringComparison.Ordinal), cts.Token);
        await emulator.WaitForHttpOkAsync(new Uri($"http://127.0.0.1:{port}/emulator"), cts.Token);

        (await emulator.TerminateAsync(Grace)).Should().BeTrue($"SIGTERM must stop serve without SIGKILL; output:{Environment.NewLine}{emulator.Output}");
        emulator.ExitCode.Should().Be(0);
        emulator.Lines.Should().Contain("Stopping.");
        PortIsFree(port).Should().BeTrue("the listener was closed");
    }

    [Fact]
    public async Task EmulatorServe_PortTaken_ExitsWithCode2AndNamesPortAndOption()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using ChildProcess emulator = ChildProcess.StartDotnet(
            Path.Combine(AppContext.BaseDirectory, "CallFlows.Emulator.dll"), ["serve", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        int exitCode = await emulator.WaitForExitAsync(cts.Token);

        exitCode.Should().Be(2, emulator.Output);
        emulator.Lines.Where(l => l.Length > 0).Should().ContainSingle(emulator.Output)
            .Which.Should().Contain(port.ToString(CultureInfo.InvariantCulture)).And.Contain("--port");
    }

    [Fact]
    public async Task LocalHostStart_Sigterm_StopsGracefully()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        int port = AzuriteServer.GetFreePort();
        int emulatorPort = AzuriteServer.GetFreePort();
        await using ChildProcess host = StartLocalHost(port, emulatorPort);
        await host.WaitForLineAsync(l => l.StartsWith("CallFlows is running.", StringComparison.Ordinal), cts.Token);
        await host.WaitForHttpOkAsync(new Uri($"http://127.0.0.1:{port}/admin/host/status"), cts.Token);

        (await host.TerminateAsync(Grace)).Should().BeTrue($"SIGTERM must stop start without SIGKILL; output:{Environment.NewLine}{host.Output}");
        host.ExitCode.Should().Be(0);
        PortIsFree(port).Should().BeTrue();
        PortIsFree(emulatorPort).Should().BeTrue();
    }

    [Fact]
    public async Task LocalHostStart_EmulatorPortTaken_ExitsWithCode2AndNamesPortAndOption()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int emulatorPort = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using ChildProcess host = StartLocalHost(AzuriteServer.GetFreePort(), emulatorPort);
        int exitCode = await host.WaitForExitAsync(cts.Token);

        exitCode.Should().Be(2, host.Output);
        string[] lines = host.Lines.Where(l => l.Length > 0).ToArray();
        lines.Should().ContainSingle(l => l.Contains(emulatorPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) && l.Contains("--emulator-port", StringComparison.Ordinal),
            host.Output);
        host.Output.Should().NotContain("   at ", "a taken port is a usage problem, not a crash with a stack trace");
        host.Output.Should().NotContain("IOException");
    }

    static ChildProcess StartLocalHost(int port, int emulatorPort) =>
        ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "CallFlows.LocalHost.dll"),
        [
            "start", "--in-memory",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--emulator-port", emulatorPort.ToString(CultureInfo.InvariantCulture),
            "--log-level", "Warning",
        ]);

    static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
