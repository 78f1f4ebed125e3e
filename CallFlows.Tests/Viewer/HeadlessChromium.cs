using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CallFlows.Tests.Viewer;

/// <summary>
/// Debian's Chromium, headless, driven over the Chrome DevTools protocol (one page target, JSON messages on a
/// WebSocket): evaluate script in the page, wait for a condition in the page, capture a screenshot.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    readonly Process process;
    readonly string profile;
    readonly ClientWebSocket socket;
    readonly StringBuilder stderr;
    int nextId;

    HeadlessChromium(Process process, string profile, ClientWebSocket socket, StringBuilder stderr)
    {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.stderr = stderr;
    }

    public static async Task<HeadlessChromium> StartAsync(Uri url, int width = 1600, int height = 1000, CancellationToken cancellationToken = default)
    {
        File.Exists(ExecutablePath).Should().BeTrue("Debian's chromium package is installed (.ci/run installs it)");
        string profile = Path.Combine(Path.GetTempPath(), "callflows-chromium-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            $"--window-size={width},{height}", url.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            // Chromium writes the port it picked to DevToolsActivePort in the profile once DevTools listens.
            string portFile = Path.Combine(profile, "DevToolsActivePort");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            int port = 0;
            while (port == 0)
            {
                timeout.Token.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    throw new InvalidOperationException("chromium exited: " + stderr);
                }

                if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && int.TryParse(first, out int parsed))
                {
                    port = parsed;
                }
                else
                {
                    await Task.Delay(50, timeout.Token);
                }
            }

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            string? debuggerUrl = null;
            while (debuggerUrl is null)
            {
                JsonArray targets = (await http.GetFromJsonAsync<JsonArray>("json/list", timeout.Token))!;
                debuggerUrl = targets.Select(t => t!.AsObject())
                    .FirstOrDefault(t => (string?)t["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
                if (debuggerUrl is null)
                {
                    await Task.Delay(50, timeout.Token);
                }
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri(debuggerUrl), timeout.Token);
            return new HeadlessChromium(process, profile, socket, stderr);
        }
        catch
        {
            Kill(process);
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Evaluates an expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        JsonObject result = await this.SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, cancellationToken);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new InvalidOperationException("Script failed in the page: " + exception.ToJsonString());
        }

        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until <paramref name="condition"/> is true in the page (re-evaluated as the page changes), or fails with what the page shows.</summary>
    public async Task WaitUntilAsync(string condition, TimeSpan timeout, string because)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            JsonNode? value = await this.EvaluateAsync($"Boolean({condition})", CancellationToken.None);
            if (value?.GetValue<bool>() == true)
            {
                return;
            }

            if (cts.IsCancellationRequested)
            {
                string text = (await this.EvaluateAsync("document.body.innerText"))?.GetValue<string>() ?? string.Empty;
                throw new TimeoutException($"The page did not reach '{because}' within {timeout.TotalSeconds} s. It shows:\n{text}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>A PNG of the page's viewport.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken = default)
    {
        JsonObject result = await this.SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    async Task<JsonObject> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        int id = Interlocked.Increment(ref this.nextId);
        byte[] message = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await this.socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);

        var buffer = new byte[64 * 1024];
        using var received = new MemoryStream();
        while (true)
        {
            received.SetLength(0);
            WebSocketReceiveResult chunk;
            do
            {
                chunk = await this.socket.ReceiveAsync(buffer, timeout.Token);
                if (chunk.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("chromium closed the DevTools connection: " + this.stderr);
                }

                received.Write(buffer, 0, chunk.Count);
            }
            while (!chunk.EndOfMessage);

            // Events (no id) and answers to other commands are skipped.
            JsonObject reply = JsonNode.Parse(received.ToArray())!.AsObject();
            if (reply["id"]?.GetValue<int>() != id)
            {
                continue;
            }

            if (reply["error"] is JsonObject error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }

            return reply["result"]!.AsObject();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (this.socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await this.socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The browser is killed next either way.
        }

        this.socket.Dispose();
        Kill(this.process);
        TryDelete(this.profile);
    }

    static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A crash dump still being written: leave it to the temp folder's cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
