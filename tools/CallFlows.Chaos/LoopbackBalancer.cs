using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallFlows.Chaos;

/// <summary>
/// A small reverse proxy on loopback in front of several app hosts on one task hub, standing in for the Functions
/// front end: each request goes to the next backend round-robin (one rotation each for Event Grid deliveries, callbacks
/// and everything else, so deliveries are spread evenly whatever the callbacks do); a backend that refuses the connection (killed, not yet
/// restarted) is skipped and the request goes to the next one (nothing was sent, so that is safe). A request whose
/// connection breaks after it was sent is answered 502, as a real front end does; Event Grid and ACS retry it.
/// </summary>
public sealed class LoopbackBalancer : IAsyncDisposable
{
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    readonly WebApplication app;
    readonly HttpClient client;
    readonly Uri[] backends;
    readonly long[,] counts;
    readonly int[] next = [-1, -1, -1];

    LoopbackBalancer(WebApplication app, HttpClient client, Uri[] backends, Uri address)
    {
        this.app = app;
        this.client = client;
        this.backends = backends;
        this.Address = address;
        this.counts = new long[backends.Length, 5];
    }

    /// <summary>Gets the balancer's base address (give it to the hosts as their public URL).</summary>
    public Uri Address { get; }

    /// <summary>
    /// Gets or sets the backend every request goes to (by index), or <see langword="null"/> for round-robin. Default
    /// <see langword="null"/>. Used to measure one instance's admission limits behind the same balancer.
    /// </summary>
    public int? PinnedBackend { get; set; }

    /// <summary>Gets what each backend received so far.</summary>
    public IReadOnlyList<BalancerBackendStats> Stats => this.backends
        .Select((b, i) => new BalancerBackendStats(
            b, Interlocked.Read(ref this.counts[i, 0]), Interlocked.Read(ref this.counts[i, 1]), Interlocked.Read(ref this.counts[i, 2]),
            Interlocked.Read(ref this.counts[i, 3]), Interlocked.Read(ref this.counts[i, 4])))
        .ToList();

    /// <summary>Starts the balancer on a free loopback port.</summary>
    /// <param name="backends">The hosts' base addresses (fixed: a restarted host comes back on the same one).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running balancer.</returns>
    public static async Task<LoopbackBalancer> StartAsync(IReadOnlyList<Uri> backends, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backends);
        if (backends.Count == 0)
        {
            throw new ArgumentException("At least one backend is needed.", nameof(backends));
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();

        // No automatic redirects or cookies: the proxy passes every answer through as it is.
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        LoopbackBalancer? balancer = null;
        app.Run(context => balancer!.ForwardAsync(context));
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        balancer = new LoopbackBalancer(app, client, [.. backends], new Uri(address.TrimEnd('/') + "/"));
        return balancer;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
        this.client.Dispose();
    }

    async Task ForwardAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        byte[] content = body.ToArray();
        int kind = request.Path.StartsWithSegments("/api/incoming-call", StringComparison.OrdinalIgnoreCase) ? 0
            : request.Path.StartsWithSegments("/api/callbacks", StringComparison.OrdinalIgnoreCase) ? 1
            : 2;

        int first = this.PinnedBackend ?? (int)((uint)Interlocked.Increment(ref this.next[kind]) % (uint)this.backends.Length);
        int attempts = this.PinnedBackend is null ? this.backends.Length : 1;
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            int index = (first + attempt) % this.backends.Length;
            using HttpRequestMessage forward = this.BuildRequest(request, content, this.backends[index]);
            HttpResponseMessage response;
            try
            {
                response = await this.client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // Refused: the backend is down and received nothing; the next one gets the request.
                Interlocked.Increment(ref this.counts[index, 3]);
                continue;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !context.RequestAborted.IsCancellationRequested))
            {
                // Sent, then the connection broke (backend killed mid-request): its effect is unknown, so the sender retries.
                Interlocked.Increment(ref this.counts[index, 4]);
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }

            using (response)
            {
                Interlocked.Increment(ref this.counts[index, kind]);
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers.Concat(response.Content.Headers))
                {
                    if (!HopByHop.Contains(header.Key))
                    {
                        context.Response.Headers[header.Key] = header.Value.ToArray();
                    }
                }

                try
                {
                    await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    // The backend died while it wrote the body: abort so the sender sees a broken answer, not a short one.
                    Interlocked.Increment(ref this.counts[index, 4]);
                    context.Abort();
                }
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }

    HttpRequestMessage BuildRequest(HttpRequest request, byte[] content, Uri backend)
    {
        var target = new Uri(backend, request.Path.ToUriComponent().TrimStart('/') + request.QueryString.ToUriComponent());
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (content.Length > 0 || request.ContentLength is not null)
        {
            message.Content = new ByteArrayContent(content);
        }

        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            if (HopByHop.Contains(header.Key) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        return message;
    }
}
