using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CallFlows.Emulator.EventGrid;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Emulator.Control;

/// <summary>
/// The emulator's own HTTP control API under <c>/emulator</c> (not part of ACS; unauthenticated, loopback only): place
/// incoming calls, register webhooks, script identities, inject faults and read logs and call state.
/// </summary>
internal static class ControlApi
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Loopback tooling output: keep "+1555..." readable instead of "\u002B1555...".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(IEndpointRouteBuilder app, AcsEmulator emulator)
    {
        var group = app.MapGroup("/emulator");
        group.MapGet("/", () => Ok(new
        {
            endpoint = emulator.Endpoint,
            connectionString = emulator.ConnectionString,
            resourceId = emulator.ResourceId,
            openIdConfigurationUri = emulator.OpenIdConfigurationUri,
            issuer = emulator.Issuer,
            ownedPhoneNumbers = emulator.World.OwnedPhoneNumbers,
        }));

        group.MapGet("/calls", () => Ok(emulator.Calls));
        group.MapGet("/calls/{callConnectionId}", (string callConnectionId) =>
            emulator.GetCall(callConnectionId) is { } call ? Ok(call) : Problem(404, "CallNotFound", $"No call connection '{callConnectionId}'."));
        group.MapPost("/calls/{callConnectionId}/participants/{identity}/hang-up", (string callConnectionId, string identity) =>
            Try(() =>
            {
                emulator.HangUpParticipant(callConnectionId, Uri.UnescapeDataString(identity));
                return Results.NoContent();
            }));

        group.MapPost("/calls/{callConnectionId}/participants/{identity}/dtmf", (string callConnectionId, string identity, KeysRequest request) => Try(() =>
        {
            emulator.PressKeys(callConnectionId, Uri.UnescapeDataString(identity), Required(request.Digits, "digits"));
            return Results.NoContent();
        }));
        group.MapPost("/calls/{callConnectionId}/participants/{identity}/speech", (string callConnectionId, string identity, SpeechRequest request) => Try(() =>
        {
            emulator.Say(callConnectionId, Uri.UnescapeDataString(identity), request.Phrase, request.Confidence ?? 0.9);
            return Results.NoContent();
        }));
        group.MapGet("/recordings", () => Ok(emulator.Recordings));
        group.MapGet("/incoming-calls", () => Ok(emulator.IncomingCalls));
        group.MapPost("/incoming-calls", async (PlaceCallRequest request) =>
        {
            if (string.IsNullOrWhiteSpace(request.From) || string.IsNullOrWhiteSpace(request.To))
            {
                return Problem(400, "BadRequest", "'from' and 'to' are required.");
            }

            try
            {
                var call = await emulator.PlaceIncomingCallAsync(request.From, request.To, new PlaceIncomingCallOptions
                {
                    CallerDisplayName = request.CallerDisplayName,
                    SipHeaders = request.SipHeaders ?? [],
                    VoipHeaders = request.VoipHeaders ?? [],
                });
                var body = JsonSerializer.SerializeToNode(call, JsonOptions)!.AsObject();
                if (emulator.IncomingCallLinks?.Invoke(call) is { Count: > 0 } links)
                {
                    var linkObject = new JsonObject();
                    foreach (var (name, value) in links)
                    {
                        linkObject[name] = value;
                    }

                    body["links"] = linkObject;
                }

                return Results.Json(body, JsonOptions, statusCode: 201);
            }
            catch (ArgumentException ex)
            {
                return Problem(400, "BadRequest", ex.Message);
            }
        });
        group.MapPost("/incoming-calls/{eventId}/redeliver", (string eventId) => Try(() =>
        {
            emulator.RedeliverIncomingCall(eventId);
            return Results.Accepted();
        }));

        group.MapGet("/requests", () => Ok(emulator.RequestLog.Entries));
        group.MapGet("/events", () => Ok(emulator.EventLog.Entries));

        group.MapGet("/eventgrid/subscriptions", () => Ok(emulator.EventGridSubscriptions));
        group.MapPost("/eventgrid/subscriptions", async (RegisterWebhookRequest request, CancellationToken cancellationToken) =>
        {
            if (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out var endpoint))
            {
                return Problem(400, "BadRequest", "'endpoint' must be an absolute URI.");
            }

            try
            {
                var schema = request.Schema ?? EventGridDeliverySchema.EventGrid;
                var subscription = request.EventTypes is { Length: > 0 } types
                    ? await emulator.RegisterEventGridWebhookAsync(endpoint, schema, types, request.Name, cancellationToken)
                    : await emulator.RegisterEventGridWebhookAsync(endpoint, schema, request.Name, cancellationToken);
                return Results.Json(subscription, JsonOptions, statusCode: 201);
            }
            catch (EventGridValidationException ex)
            {
                return Problem(400, "ValidationHandshakeFailed", ex.Message);
            }
        });
        group.MapGet("/eventgrid/validate", () => Results.Text(
            "Manual validation is not emulated: answer the SubscriptionValidationEvent with 200 {\"validationResponse\": code}.", statusCode: 400));

        group.MapPut("/identities/{identity}", (string identity, BehaviorRequest request) => Try(() =>
        {
            emulator.World.Configure(Uri.UnescapeDataString(identity), request.ToBehavior(emulator.World.DefaultBehavior));
            return Results.NoContent();
        }));
        group.MapPut("/default-behavior", (BehaviorRequest request) => Try(() =>
        {
            emulator.World.DefaultBehavior = request.ToBehavior(IdentityBehavior.Default);
            return Results.NoContent();
        }));
        group.MapPost("/owned-numbers", (OwnedRequest request) => Try(() =>
        {
            emulator.World.AddOwnedPhoneNumber(request.Identity);
            return Results.NoContent();
        }));
        group.MapPost("/owned-users", (OwnedRequest request) => Try(() =>
        {
            emulator.World.AddOwnedUser(request.Identity);
            return Results.NoContent();
        }));

        group.MapPost("/rooms", (NamedCallRequest request) => Try(() =>
            Ok(new { serverCallId = emulator.World.CreateRoom(Required(request.Id, "id"), request.Participants ?? []) }, 201)));
        group.MapPost("/group-calls", (NamedCallRequest request) => Try(() =>
            Ok(new { serverCallId = emulator.World.CreateGroupCall(Required(request.Id, "id"), request.Participants ?? []) }, 201)));
        group.MapPost("/server-calls", (NamedCallRequest request) => Try(() =>
            Ok(new { serverCallId = emulator.World.CreateServerCall(request.Participants ?? []) }, 201)));

        group.MapGet("/faults", () => Ok(FaultsView(emulator)));
        group.MapPut("/faults", (FaultsRequest request) => Try(() =>
        {
            var faults = emulator.Faults;
            faults.RestResponseDelay = TimeSpan.FromMilliseconds(request.RestResponseDelayMs ?? faults.RestResponseDelay.TotalMilliseconds);
            faults.CallbackDelayProbability = Probability(request.CallbackDelayProbability ?? faults.CallbackDelayProbability);
            faults.CallbackDelay = TimeSpan.FromMilliseconds(request.CallbackDelayMs ?? faults.CallbackDelay.TotalMilliseconds);
            faults.DuplicateProbability = Probability(request.DuplicateProbability ?? faults.DuplicateProbability);
            faults.DropProbability = Probability(request.DropProbability ?? faults.DropProbability);
            faults.ReorderProbability = Probability(request.ReorderProbability ?? faults.ReorderProbability);
            Replace(faults.AffectedEventTypes, request.AffectedEventTypes);
            Replace(faults.HoldUntilCallEnds, request.HoldUntilCallEnds);

            return Ok(FaultsView(emulator));
        }));
        group.MapPost("/faults/rest-failures", (RestFailureRequest request) => Try(() =>
        {
            emulator.Faults.FailNextRequests(request.Count, request.Status,
                request.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
            return Results.NoContent();
        }));
        group.MapDelete("/faults", () =>
        {
            emulator.Faults.Reset();
            return Results.NoContent();
        });
    }

    private static object FaultsView(AcsEmulator emulator)
    {
        var f = emulator.Faults;
        return new
        {
            restResponseDelayMs = f.RestResponseDelay.TotalMilliseconds,
            callbackDelayProbability = f.CallbackDelayProbability,
            callbackDelayMs = f.CallbackDelay.TotalMilliseconds,
            duplicateProbability = f.DuplicateProbability,
            dropProbability = f.DropProbability,
            reorderProbability = f.ReorderProbability,
            affectedEventTypes = f.AffectedEventTypes.ToArray(),
            holdUntilCallEnds = f.HoldUntilCallEnds.ToArray(),
            pendingRestFailures = f.PendingRestFailures,
        };
    }

    /// <summary>Replaces the set's names with the request's; a request without the field leaves them as they are.</summary>
    private static void Replace(ICollection<string> names, string[]? requested)
    {
        if (requested is null)
        {
            return;
        }

        names.Clear();
        foreach (var name in requested)
        {
            names.Add(name);
        }
    }

    private static double Probability(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentException($"A probability must be between 0 and 1, not {value}.");

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"'{name}' is required.") : value;

    private static IResult Try(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (ArgumentException ex)
        {
            return Problem(400, "BadRequest", ex.Message);
        }
        catch (ApiException ex)
        {
            return Problem(ex.Status, ex.Code, ex.Message);
        }
    }

    private static IResult Ok(object value, int status = 200) => Results.Json(value, JsonOptions, statusCode: status);

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, JsonOptions, statusCode: status);

    internal sealed record PlaceCallRequest(string From, string To, string? CallerDisplayName, Dictionary<string, string>? SipHeaders, Dictionary<string, string>? VoipHeaders);

    internal sealed record RegisterWebhookRequest(string Endpoint, string? Name, EventGridDeliverySchema? Schema, string[]? EventTypes);

    internal sealed record KeysRequest(string? Digits);

    internal sealed record SpeechRequest(string? Phrase, double? Confidence);

    /// <summary>One media script step: <c>{"kind":"keys","digits":"2","delayMs":1000,"duringPrompt":false}</c>, <c>{"kind":"speech","phrase":"sales"}</c>, <c>{"kind":"silence"}</c>, <c>{"kind":"hangUp","delayMs":500,"duringPrompt":true}</c>.</summary>
    internal sealed record CallerInputRequest(CallerInputKind Kind, string? Digits, string? Phrase, double? Confidence, double? DelayMs, bool? DuringPrompt, double? InterKeyDelayMs)
    {
        public CallerInput ToInput()
        {
            var delay = TimeSpan.FromMilliseconds(DelayMs ?? 0);
            var input = Kind switch
            {
                CallerInputKind.Keys => CallerInput.Press(Required(Digits, "digits"), delay),
                CallerInputKind.Speech => CallerInput.Say(Required(Phrase, "phrase"), delay, Confidence ?? 0.9),
                CallerInputKind.Unintelligible => CallerInput.Mumble(delay),
                CallerInputKind.HangUp => CallerInput.HangUp(delay),
                _ => CallerInput.StaySilent(),
            };
            return input with
            {
                DuringPrompt = DuringPrompt ?? false,
                InterKeyDelay = InterKeyDelayMs is { } interKey ? TimeSpan.FromMilliseconds(interKey) : input.InterKeyDelay,
            };
        }
    }

    internal sealed record OwnedRequest(string Identity);

    internal sealed record NamedCallRequest(string? Id, string[]? Participants);

    internal sealed record RestFailureRequest(int Count, int Status, double? RetryAfterSeconds);

    internal sealed record FaultsRequest(double? RestResponseDelayMs, double? CallbackDelayProbability, double? CallbackDelayMs, double? DuplicateProbability,
        double? DropProbability, double? ReorderProbability, string[]? AffectedEventTypes, string[]? HoldUntilCallEnds);

    internal sealed record BehaviorRequest(AnswerMode? Answer, double? AnswerDelayMs, double? HangUpAfterMs, double? AbandonAfterMs, CallerInputRequest[]? MediaScript)
    {
        public IdentityBehavior ToBehavior(IdentityBehavior basis) => basis with
        {
            MediaScript = MediaScript is { } script ? script.Select(s => s.ToInput()).ToList() : basis.MediaScript,
            Answer = Answer ?? basis.Answer,
            AnswerDelay = AnswerDelayMs is { } delay ? TimeSpan.FromMilliseconds(delay) : basis.AnswerDelay,
            HangUpAfter = HangUpAfterMs is { } hangUp ? TimeSpan.FromMilliseconds(hangUp) : basis.HangUpAfter,
            AbandonAfter = AbandonAfterMs is { } abandon ? TimeSpan.FromMilliseconds(abandon) : basis.AbandonAfter,
        };
    }
}
