using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallFlows.Tests.CallAutomation;

/// <summary>A request as received on the loopback socket: method, raw path+query, headers and exact body bytes.</summary>
internal sealed record RecordedRequest(string Method, string RawUrl, NameValueCollection Headers, byte[] Body)
{
    public string Path => RawUrl.Split('?')[0];

    public string Query => RawUrl.Contains('?') ? RawUrl[(RawUrl.IndexOf('?') + 1)..] : string.Empty;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>A scripted reply.</summary>
internal sealed record LoopbackReply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener) that records requests and answers with a scripted handler.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, LoopbackReply> _handler;
    private readonly Task _loop;

    public LoopbackServer(Func<RecordedRequest, LoopbackReply> handler)
    {
        _handler = handler;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Endpoint = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another.
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        catch (HttpListenerException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = new NameValueCollection(context.Request.Headers);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body.ToArray());
            Requests.Enqueue(recorded);

            LoopbackReply reply;
            try
            {
                reply = _handler(recorded);
            }
            catch (Exception exception)
            {
                reply = new LoopbackReply(599, exception.ToString());
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (reply.Body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(reply.Body);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }
}
