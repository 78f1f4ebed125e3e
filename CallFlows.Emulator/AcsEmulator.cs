using System.Net;
using System.Text.Json.Nodes;
using CallFlows.Emulator.Callbacks;
using CallFlows.Emulator.Control;
using CallFlows.Emulator.EventGrid;
using CallFlows.Emulator.Faults;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Rest;
using CallFlows.Emulator.Simulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallFlows.Emulator;

/// <summary>
/// A running emulator of the ACS Call Automation call-control service on loopback: the <c>/calling</c> REST surface with
/// HMAC authentication, simulated phones and users, signed callback events, Event Grid IncomingCall delivery, fault
/// injection and logs to assert on. Start one per test (class) with <see cref="StartAsync"/>; dispose to stop it.
/// </summary>
public sealed partial class AcsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CallEngine _engine;
    private readonly CallbackDispatcher _callbacks;
    private readonly EventGridPublisher _eventGrid;
    private readonly CallbackTokenIssuer _tokens;
    private readonly HttpClient _http;
    private readonly AcsEmulatorOptions _options;

    internal Func<IncomingCallSnapshot, IReadOnlyDictionary<string, string>>? IncomingCallLinks => _options.IncomingCallLinks;

    private AcsEmulator(AcsEmulatorOptions options, WebApplication app, CallEngine engine, CallbackDispatcher callbacks, EventGridPublisher eventGrid,
        CallbackTokenIssuer tokens, HttpClient http, EmulatedWorld world, FaultInjection faults, EmulatorLog<RecordedRequest> requestLog,
        EmulatorLog<DeliveryRecord> eventLog)
    {
        (_options, _app, _engine, _callbacks, _eventGrid, _tokens, _http) = (options, app, engine, callbacks, eventGrid, tokens, http);
        (World, Faults, RequestLog, EventLog) = (world, faults, requestLog, eventLog);
    }

    /// <summary>The issuer of callback JWTs: <c>https://acscallautomation.communication.azure.com</c>, as the real service.</summary>
    public string Issuer => CallbackTokenIssuer.Issuer;

    /// <summary>The resource endpoint, e.g. <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The connection string clients use: <c>endpoint=...;accesskey=...</c>.</summary>
    public string ConnectionString => $"endpoint={Endpoint.AbsoluteUri};accesskey={AccessKey}";

    /// <summary>The base64 access key requests are signed with.</summary>
    public string AccessKey => _options.AccessKey;

    /// <summary>The immutable resource id: the audience of callback JWTs.</summary>
    public Guid ResourceId => _options.ResourceId;

    /// <summary>The OpenID configuration callback receivers validate tokens with (its <c>jwks_uri</c> is this emulator's <c>/calling/keys</c>).</summary>
    public Uri OpenIdConfigurationUri => new(Endpoint, "calling/.well-known/acsopenidconfiguration");

    /// <summary>The simulated world: identity behaviours, owned numbers and users, rooms, group and server calls.</summary>
    public EmulatedWorld World { get; }

    /// <summary>Fault injection of this instance.</summary>
    public FaultInjection Faults { get; }

    /// <summary>Every request received on <c>/calling</c> with its outcome.</summary>
    public EmulatorLog<RecordedRequest> RequestLog { get; }

    /// <summary>Every delivery attempt of callbacks and Event Grid events.</summary>
    public EmulatorLog<DeliveryRecord> EventLog { get; }

    /// <summary>All call connections so far (live and ended), oldest first.</summary>
    public IReadOnlyList<CallSnapshot> Calls => _engine.Calls;

    /// <summary>All incoming calls placed so far, oldest first.</summary>
    public IReadOnlyList<IncomingCallSnapshot> IncomingCalls => _engine.IncomingCalls;

    /// <summary>The Event Grid webhooks registered so far.</summary>
    public IReadOnlyList<EventGridSubscription> EventGridSubscriptions => _eventGrid.Subscriptions;

    /// <summary>Starts an emulator on loopback and registers <see cref="AcsEmulatorOptions.EventGridWebhooks"/>.</summary>
    /// <param name="options">Settings; null for defaults (ephemeral port, random key and resource id).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<AcsEmulator> StartAsync(AcsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AcsEmulatorOptions();
        var key = Convert.FromBase64String(options.AccessKey);
        var time = options.TimeProvider;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(options.Host), options.Port));
        var app = builder.Build();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CallFlows.Emulator");

        var world = new EmulatedWorld(options);
        var faults = new FaultInjection(options.FaultSeed);
        var requestLog = new EmulatorLog<RecordedRequest>();
        var eventLog = new EmulatorLog<DeliveryRecord>();
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
        var tokens = new CallbackTokenIssuer(options.ResourceId.ToString("D"), time, options.CallbackSigningKey);
        var callbacks = new CallbackDispatcher(http, tokens, faults, eventLog, options.CallbackRetry, time, logger);
        var topic = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/emulator/providers/Microsoft.Communication/communicationServices/{options.ResourceName}";
        var eventGrid = new EventGridPublisher(http, eventLog, options.EventGridRetry, time, logger, topic);
        var engine = new CallEngine(options, world, callbacks, eventGrid.Publish, logger);
        engine.Recordings.PublishEvent = eventGrid.PublishEvent;
        var authenticator = new HmacAuthenticator(key, options.MaxClockSkew, time, options.BearerTokenValidator);
        world.Engine = engine;
        eventGrid.IsRinging = engine.IsRinging;
        var api = new CallingApi(engine, authenticator,
            new RepeatabilityStore(options.RepeatabilityWindow, time), faults, requestLog, time, logger);
        var emulator = new AcsEmulator(options, app, engine, callbacks, eventGrid, tokens, http, world, faults, requestLog, eventLog);

        app.MapGet("/calling/.well-known/acsopenidconfiguration", () => Json(CallbackTokenIssuer.OpenIdConfiguration(emulator.Endpoint)));
        app.MapGet("/calling/keys", () => Json(tokens.Jwks()));
        app.Map("/calling/{**rest}", api.HandleAsync);
        RecordingContentApi.Map(app, engine.Recordings, authenticator, requestLog, time);
        ControlApi.Map(app, emulator);
        app.MapFallback((HttpContext context) => Json(
            new JsonObject { ["error"] = new JsonObject { ["code"] = "NotFound", ["message"] = $"Nothing at '{context.Request.Path}'." } }, 404));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Endpoint = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        eventGrid.SetEndpoint(emulator.Endpoint);
        engine.Recordings.Endpoint = emulator.Endpoint;
        Logs.Started(logger, emulator.Endpoint, options.ResourceId);

        foreach (var webhook in options.EventGridWebhooks)
        {
            await emulator.RegisterEventGridWebhookAsync(webhook, cancellationToken: cancellationToken);
        }

        return emulator;
    }

    /// <summary>Returns the current state of one call connection, or null when the id is unknown.</summary>
    /// <param name="callConnectionId">The call connection id.</param>
    public CallSnapshot? GetCall(string callConnectionId) => _engine.GetCall(callConnectionId);

    /// <summary>
    /// Places a call from <paramref name="from"/> (anyone) to <paramref name="to"/> (a number or user of the resource): the
    /// call rings for <see cref="AcsEmulatorOptions.RingTimeout"/> and IncomingCall is delivered to the registered webhooks.
    /// </summary>
    /// <param name="from">The caller: raw id or E.164 number.</param>
    /// <param name="to">The callee: an owned number or user (raw id or E.164 number).</param>
    /// <param name="options">Caller display name and custom headers.</param>
    /// <param name="cancellationToken">Not used for the placement itself, which is immediate.</param>
    /// <returns>The incoming call, including its <c>incomingCallContext</c> and Event Grid event id.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> does not belong to the resource.</exception>
    public Task<IncomingCallSnapshot> PlaceIncomingCallAsync(string from, string to, PlaceIncomingCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_engine.PlaceIncomingCall(from, to, options ?? new PlaceIncomingCallOptions()));
    }

    /// <summary>Registers an Event Grid webhook after the subscription validation handshake (SubscriptionValidationEvent, expects 200 <c>{"validationResponse": code}</c>).</summary>
    /// <param name="webhook">The webhook URI.</param>
    /// <param name="name">The subscription name (sent upper-case in <c>aeg-subscription-name</c>); default a generated name.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The registered subscription.</returns>
    /// <exception cref="EventGridValidationException">The webhook did not complete the handshake.</exception>
    public Task<EventGridSubscription> RegisterEventGridWebhookAsync(Uri webhook, string? name = null, CancellationToken cancellationToken = default) =>
        _eventGrid.RegisterAsync(webhook, name, EventGridDeliverySchema.EventGrid, cancellationToken);

    /// <summary>
    /// Registers an Event Grid webhook that receives IncomingCall in <paramref name="schema"/>: the Event Grid schema (after the
    /// SubscriptionValidationEvent handshake) or CloudEvents 1.0 (after the OPTIONS abuse-protection handshake).
    /// </summary>
    /// <param name="webhook">The webhook URI.</param>
    /// <param name="schema">The delivery schema.</param>
    /// <param name="name">The subscription name; default a generated name.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The registered subscription.</returns>
    /// <exception cref="EventGridValidationException">The webhook did not complete the handshake.</exception>
    public Task<EventGridSubscription> RegisterEventGridWebhookAsync(Uri webhook, EventGridDeliverySchema schema, string? name = null, CancellationToken cancellationToken = default) =>
        _eventGrid.RegisterAsync(webhook, name, schema, cancellationToken);

    /// <summary>
    /// Registers an Event Grid webhook for the given event types, e.g. <c>Microsoft.Communication.RecordingFileStatusUpdated</c>
    /// (Event Grid's <c>includedEventTypes</c>); the other overloads subscribe to IncomingCall only.
    /// </summary>
    /// <param name="webhook">The webhook URI.</param>
    /// <param name="schema">The delivery schema.</param>
    /// <param name="eventTypes">The event types to deliver.</param>
    /// <param name="name">The subscription name; default a generated name.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <returns>The registered subscription.</returns>
    /// <exception cref="EventGridValidationException">The webhook did not complete the handshake.</exception>
    public async Task<EventGridSubscription> RegisterEventGridWebhookAsync(Uri webhook, EventGridDeliverySchema schema, IReadOnlyList<string> eventTypes,
        string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        await _eventGrid.RegisterAsync(webhook, name, schema, cancellationToken);
        return _eventGrid.SetEventTypes(webhook, eventTypes);
    }

    /// <summary>The recordings started on the emulator, with their state.</summary>
    public IReadOnlyList<RecordingSnapshot> Recordings => _engine.RecordingSnapshots;

    /// <summary>
    /// Makes a simulated participant press keys now (one every 300 ms): a running recognize aimed at them and continuous DTMF
    /// recognition hear them. For input scripted ahead of time use <see cref="IdentityBehavior.MediaScript"/>.
    /// </summary>
    /// <param name="callConnectionId">The call connection whose call the participant is in.</param>
    /// <param name="identity">The participant's raw id or E.164 number.</param>
    /// <param name="digits">The keys, e.g. <c>"2"</c> or <c>"1234#"</c>.</param>
    /// <exception cref="ArgumentException">A key is not a DTMF key.</exception>
    public void PressKeys(string callConnectionId, string identity, string digits) => _engine.PressKeys(callConnectionId, identity, digits);

    /// <summary>Makes a simulated participant say something now, heard by a running speech, speech-or-DTMF or choices recognize aimed at them.</summary>
    /// <param name="callConnectionId">The call connection whose call the participant is in.</param>
    /// <param name="identity">The participant's raw id or E.164 number.</param>
    /// <param name="phrase">What they say; null for something the recognizer cannot make out.</param>
    /// <param name="confidence">The recognizer's confidence; 0.9 by default.</param>
    public void Say(string callConnectionId, string identity, string? phrase, double confidence = 0.9) => _engine.Say(callConnectionId, identity, phrase, confidence);

    /// <summary>Delivers an IncomingCall event again (same event id, next <c>aeg-delivery-count</c>) to every webhook, as Event Grid may.</summary>
    /// <param name="eventId">The event id (<see cref="IncomingCallSnapshot.EventId"/>).</param>
    /// <exception cref="ArgumentException">No incoming call has that event id.</exception>
    public void RedeliverIncomingCall(string eventId)
    {
        var incoming = _engine.FindIncomingByEventId(eventId) ?? throw new ArgumentException($"No IncomingCall event '{eventId}'.", nameof(eventId));
        _eventGrid.Redeliver(incoming);
    }

    /// <summary>Makes a simulated participant hang up now (e.g. the caller), as if they put the phone down.</summary>
    /// <param name="callConnectionId">The call connection whose call the participant is in.</param>
    /// <param name="identity">The participant's raw id or E.164 number.</param>
    public void HangUpParticipant(string callConnectionId, string identity) => _engine.HangUpParticipant(callConnectionId, identity);

    /// <summary>Waits for the first delivery attempt (logged or future) that matches <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The condition on a delivery record.</param>
    /// <param name="timeout">How long to wait; default 10 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching record.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists recent deliveries.</exception>
    public Task<DeliveryRecord> WaitForEventAsync(Func<DeliveryRecord, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        EventLog.WaitForAsync(predicate, timeout ?? TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>Waits until a callback named <paramref name="eventName"/> (e.g. <c>CallConnected</c>) of the call was delivered (2xx).</summary>
    /// <param name="callConnectionId">The call connection id.</param>
    /// <param name="eventName">The short event name.</param>
    /// <param name="timeout">How long to wait; default 10 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The delivery record.</returns>
    public Task<DeliveryRecord> WaitForEventAsync(string callConnectionId, string eventName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForEventAsync(r => r.CallConnectionId == callConnectionId && r.Name == eventName && r.Outcome == DeliveryOutcome.Delivered, timeout, cancellationToken);

    /// <summary>Waits until the call connection's state satisfies <paramref name="predicate"/>.</summary>
    /// <param name="callConnectionId">The call connection id.</param>
    /// <param name="predicate">The condition on the snapshot.</param>
    /// <param name="timeout">How long to wait; default 10 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first snapshot that satisfies the condition.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public Task<CallSnapshot> WaitForCallAsync(string callConnectionId, Func<CallSnapshot, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForStateAsync(() => GetCall(callConnectionId), predicate, $"Call '{callConnectionId}'", timeout, cancellationToken);

    private async Task<T> WaitForStateAsync<T>(Func<T?> read, Func<T, bool> predicate, string what, TimeSpan? timeout, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            // Take the change signal before reading, so a change between the read and the wait is not missed.
            var changed = _engine.Changed;
            if (read() is { } snapshot && predicate(snapshot))
            {
                return snapshot;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{what} did not reach the expected state in time; it is {read()?.ToString() ?? "unknown"}.");
            }
        }
    }

    /// <summary>Waits until the incoming call with Event Grid id <paramref name="eventId"/> satisfies <paramref name="predicate"/>.</summary>
    /// <param name="eventId">The IncomingCall event id.</param>
    /// <param name="predicate">The condition on the snapshot.</param>
    /// <param name="timeout">How long to wait; default 10 s.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first snapshot that satisfies the condition.</returns>
    /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
    public Task<IncomingCallSnapshot> WaitForIncomingCallAsync(string eventId, Func<IncomingCallSnapshot, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForStateAsync(() => _engine.FindIncomingByEventId(eventId)?.ToSnapshot(), predicate, $"Incoming call '{eventId}'", timeout, cancellationToken);

    /// <summary>Stops the server, timers and deliveries.</summary>
    public async ValueTask DisposeAsync()
    {
        _engine.Dispose();
        await _callbacks.DisposeAsync();
        await _eventGrid.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        _tokens.Dispose();
    }

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(), "application/json; charset=utf-8", statusCode: status);
}
