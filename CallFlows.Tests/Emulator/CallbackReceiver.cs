using System.Net;
using System.Text.Json.Nodes;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallFlows.Tests.Emulator;

/// <summary>One callback POST as the app received it, with the verdict on its JWT.</summary>
internal sealed record ReceivedCallback(string Path, string Id, string Type, string? CallConnectionId, JsonObject Data, JsonObject CloudEvent, int ArrayLength, string? TokenError, string Authorization)
{
    public string Name => Type["Microsoft.Communication.".Length..];

    public override string ToString() => $"{Path} {Name} {CallConnectionId}";
}

/// <summary>One Event Grid POST as the webhook received it.</summary>
internal sealed record ReceivedEventGrid(string EventType, string SubscriptionName, int DeliveryCount, JsonArray Events)
{
    public JsonObject First => Events[0]!.AsObject();

    public override string ToString() => $"{EventType} {First["eventType"]} count={DeliveryCount}";
}

/// <summary>How the test webhook answers the Event Grid validation handshake.</summary>
public enum ValidationReply
{
    Echo,
    WrongCode,
    Accepted202,
}

/// <summary>
/// The app side on loopback (real Kestrel): receives callbacks at any path and validates each JWT against the emulator's
/// OpenID configuration and JWKS, fetched over HTTP like a real app would; and acts as Event Grid webhook at /eventgrid.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AcsEmulator _emulator;
    private readonly HttpClient _http = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<int>> _scriptedFailures = new(StringComparer.Ordinal);
    private JsonWebKeySet? _keys;
    private string? _issuer;

    private CallbackReceiver(WebApplication app, AcsEmulator emulator)
    {
        _app = app;
        _emulator = emulator;
    }

    public Uri BaseUri { get; private set; } = null!;

    public Uri CallbackUri => new(BaseUri, "callbacks");

    public Uri EventGridUri => new(BaseUri, "eventgrid");

    public EmulatorLog<ReceivedCallback> Callbacks { get; } = new();

    public EmulatorLog<ReceivedEventGrid> EventGrid { get; } = new();

    public Uri CloudEventsUri => new(BaseUri, "cloudevents");

    /// <summary>IncomingCall events received in the CloudEvents schema, with their aeg-delivery-count and content type.</summary>
    public EmulatorLog<(JsonObject CloudEvent, int DeliveryCount, string ContentType)> CloudEvents { get; } = new();

    /// <summary>What the CloudEvents endpoint answers in WebHook-Allowed-Origin (null: no header, i.e. no consent).</summary>
    public string? AllowedOrigin { get; set; } = "eventgrid.azure.net";

    public ValidationReply Validation { get; set; } = ValidationReply.Echo;

    public static async Task<CallbackReceiver> StartAsync(AcsEmulator emulator)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new CallbackReceiver(app, emulator);
        app.MapPost("/eventgrid", (Delegate)receiver.OnEventGridAsync);
        app.MapMethods("/cloudevents", ["OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers["WebHook-Request-Origin-Seen"] = context.Request.Headers["WebHook-Request-Origin"];
            if (receiver.AllowedOrigin is { } allowed)
            {
                context.Response.Headers["WebHook-Allowed-Origin"] = allowed;
                context.Response.Headers["WebHook-Allowed-Rate"] = "*";
            }

            return Results.Ok();
        });
        app.MapPost("/cloudevents", async (HttpContext context) =>
        {
            var cloudEvent = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            receiver.CloudEvents.Add((cloudEvent, int.Parse(context.Request.Headers["aeg-delivery-count"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                context.Request.ContentType ?? string.Empty));
            return Results.Ok();
        });
        app.MapPost("/{**path}", (Delegate)receiver.OnCallbackAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public Uri Url(string path) => new(BaseUri, path);

    /// <summary>The next <paramref name="count"/> POSTs to <paramref name="path"/> are answered with <paramref name="status"/>.</summary>
    public void FailNext(string path, int count, int status)
    {
        lock (_gate)
        {
            if (!_scriptedFailures.TryGetValue(path, out var queue))
            {
                _scriptedFailures[path] = queue = new Queue<int>();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(status);
            }
        }
    }

    public Task<ReceivedCallback> WaitForAsync(string callConnectionId, string name, TimeSpan? timeout = null) =>
        Callbacks.WaitForAsync(c => c.CallConnectionId == callConnectionId && c.Name == name, timeout ?? TimeSpan.FromSeconds(10));

    public IReadOnlyList<string> NamesFor(string callConnectionId) =>
        Callbacks.Entries.Where(c => c.CallConnectionId == callConnectionId).Select(c => c.Name).ToList();

    private async Task<IResult> OnCallbackAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        if (TakeFailure(path) is { } status)
        {
            return Results.StatusCode(status);
        }

        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var array = JsonNode.Parse(text)!.AsArray();
        var cloudEvent = array[0]!.AsObject();
        var tokenError = await ValidateTokenAsync(context.Request.Headers.Authorization.ToString());
        var data = cloudEvent["data"]!.AsObject();
        Callbacks.Add(new ReceivedCallback(path, cloudEvent["id"]!.GetValue<string>(), cloudEvent["type"]!.GetValue<string>(),
            data["callConnectionId"]?.GetValue<string>(), data, cloudEvent, array.Count, tokenError, context.Request.Headers.Authorization.ToString()));
        return Results.Ok();
    }

    private async Task<IResult> OnEventGridAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var events = JsonNode.Parse(text)!.AsArray();
        var eventType = context.Request.Headers["aeg-event-type"].ToString();
        EventGrid.Add(new ReceivedEventGrid(eventType, context.Request.Headers["aeg-subscription-name"].ToString(),
            int.Parse(context.Request.Headers["aeg-delivery-count"].ToString(), System.Globalization.CultureInfo.InvariantCulture), events));
        if (eventType == "SubscriptionValidation")
        {
            var code = events[0]!["data"]!["validationCode"]!.GetValue<string>();
            return Validation switch
            {
                ValidationReply.Echo => Results.Json(new { validationResponse = code }),
                ValidationReply.WrongCode => Results.Json(new { validationResponse = "not-the-code" }),
                _ => Results.StatusCode(202),
            };
        }

        return TakeFailure("eventgrid") is { } status ? Results.StatusCode(status) : Results.Ok();
    }

    private int? TakeFailure(string path)
    {
        lock (_gate)
        {
            return _scriptedFailures.TryGetValue(path, out var queue) && queue.TryDequeue(out var status) ? status : null;
        }
    }

    private async Task<string?> ValidateTokenAsync(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return "no bearer token";
        }

        if (_keys is null)
        {
            // Discover keys like an app following the docs: OpenID configuration first, then its jwks_uri.
            var configuration = JsonNode.Parse(await _http.GetStringAsync(_emulator.OpenIdConfigurationUri))!;
            _issuer = configuration["issuer"]!.GetValue<string>();
            _keys = new JsonWebKeySet(await _http.GetStringAsync(configuration["jwks_uri"]!.GetValue<string>()));
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = "https://acscallautomation.communication.azure.com",
            ValidAudience = _emulator.ResourceId.ToString(),
            IssuerSigningKeys = _keys.GetSigningKeys(),
            RequireExpirationTime = true,
            ValidateLifetime = true,
        });
        if (!result.IsValid)
        {
            return result.Exception?.Message ?? "invalid token";
        }

        var token = (JsonWebToken)result.SecurityToken;
        var lifetime = token.ValidTo - token.IssuedAt;
        return _issuer != "https://acscallautomation.communication.azure.com" ? $"OIDC issuer was {_issuer}"
            : lifetime != TimeSpan.FromMinutes(5) ? $"lifetime was {lifetime}"
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
