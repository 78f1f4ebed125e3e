using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CallFlows.Emulator.Faults;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;

namespace CallFlows.Emulator.Callbacks;

/// <summary>
/// Delivers callback events as CloudEvents 1.0, one event per POST (a JSON array of one, because the JS SDK parser reads
/// only the first element), each POST with a fresh callback JWT. One queue per call connection delivers that call's
/// events strictly in order: an event is posted only after the previous one succeeded or gave up.
/// </summary>
internal sealed class CallbackDispatcher : ICallbackSink, IAsyncDisposable
{
    private static readonly TimeSpan ReorderHoldTime = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, Channel<OutgoingEvent>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _workers = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private readonly CallbackTokenIssuer _tokens;
    private readonly FaultInjection _faults;
    private readonly EmulatorLog<DeliveryRecord> _log;
    private readonly DeliveryRetryPolicy _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CallbackDispatcher(HttpClient http, CallbackTokenIssuer tokens, FaultInjection faults, EmulatorLog<DeliveryRecord> log,
        DeliveryRetryPolicy retry, TimeProvider time, ILogger logger)
    {
        (_http, _tokens, _faults, _log, _retry, _time, _logger) = (http, tokens, faults, log, retry, time, logger);
    }

    public void Enqueue(SimConnection connection, string eventName, JsonObject data, Uri target)
    {
        var queue = _queues.GetOrAdd(connection.Id, id =>
        {
            var channel = Channel.CreateUnbounded<OutgoingEvent>(new UnboundedChannelOptions { SingleReader = true });
            _workers.Add(Task.Run(() => RunAsync(id, channel.Reader)));
            return channel;
        });
        var cloudEvent = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["source"] = $"calling/callConnections/{connection.Id}",
            ["type"] = "Microsoft.Communication." + eventName,
            ["subject"] = $"calling/callConnections/{connection.Id}",
            ["time"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json",
            ["data"] = data,
        };
        queue.Writer.TryWrite(new OutgoingEvent(connection.Id, eventName, cloudEvent, target));
    }

    public void Complete(SimConnection connection)
    {
        if (_queues.TryGetValue(connection.Id, out var queue))
        {
            queue.Writer.TryComplete();
        }
    }

    private async Task RunAsync(string callConnectionId, ChannelReader<OutgoingEvent> reader)
    {
        var token = _stopping.Token;
        try
        {
            (OutgoingEvent Event, CallbackFaultDecision Faults)? held = null;
            var heldUntilEnd = new List<(OutgoingEvent Event, CallbackFaultDecision Faults)>();
            while (!token.IsCancellationRequested)
            {
                OutgoingEvent next;
                if (held is { } h)
                {
                    // A reordered event waits for the next one of the same call, but not forever.
                    var arrived = await WaitToReadAsync(reader, ReorderHoldTime, token);
                    if (!arrived || !reader.TryRead(out next!))
                    {
                        held = null;
                        await DeliverAsync(h.Event, h.Faults, token);
                        continue;
                    }
                }
                else
                {
                    if (!await reader.WaitToReadAsync(token))
                    {
                        // The call is over without a CallDisconnected of its own: nothing is kept back for ever.
                        await DeliverHeldUntilEndAsync(heldUntilEnd, token);
                        break;
                    }

                    if (!reader.TryRead(out next!))
                    {
                        continue;
                    }
                }

                var decision = _faults.Decide(next.Name);
                if (next.Name == "CallDisconnected")
                {
                    // Never reorder around the terminal event: everything held goes first, except what the
                    // hold-until-the-call-ends fault keeps for after it.
                    if (held is { } before)
                    {
                        held = null;
                        await DeliverAsync(before.Event, before.Faults, token);
                    }

                    await DeliverAsync(next, decision with { Reorder = false }, token);
                    await DeliverHeldUntilEndAsync(heldUntilEnd, token);
                    continue;
                }

                if (_faults.HoldsUntilCallEnds(next.Name))
                {
                    heldUntilEnd.Add((next, decision with { Reorder = false }));
                    continue;
                }

                if (decision.Reorder && held is null)
                {
                    held = (next, decision);
                    continue;
                }

                await DeliverAsync(next, decision, token);
                if (held is { } swapped)
                {
                    held = null;
                    await DeliverAsync(swapped.Event, swapped.Faults, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Emulator stopping.
        }
        catch (Exception ex)
        {
            Logs.CallbackQueueCrashed(_logger, ex, callConnectionId);
        }
        finally
        {
            // The call ended (CallDisconnected was the last event): a long-running emulator does not keep its queue.
            _queues.TryRemove(callConnectionId, out _);
        }
    }

    private async Task DeliverHeldUntilEndAsync(List<(OutgoingEvent Event, CallbackFaultDecision Faults)> heldUntilEnd, CancellationToken token)
    {
        foreach (var (outgoing, faults) in heldUntilEnd)
        {
            await DeliverAsync(outgoing, faults, token);
        }

        heldUntilEnd.Clear();
    }

    private async Task<bool> WaitToReadAsync(ChannelReader<OutgoingEvent> reader, TimeSpan timeout, CancellationToken token)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(token);
        var wait = reader.WaitToReadAsync(timeoutCts.Token).AsTask();
        var delay = Task.Delay(timeout, _time, timeoutCts.Token);
        var first = await Task.WhenAny(wait, delay);
        await timeoutCts.CancelAsync();
        return first == wait && wait.IsCompletedSuccessfully && wait.Result;
    }

    private async Task DeliverAsync(OutgoingEvent outgoing, CallbackFaultDecision faults, CancellationToken token)
    {
        if (faults.Drop)
        {
            Record(outgoing, attempt: 1, status: null, DeliveryOutcome.Dropped, duplicate: false);
            return;
        }

        if (faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Delay, _time, token);
        }

        await PostWithRetriesAsync(outgoing, duplicate: false, token);
        if (faults.Duplicate)
        {
            await PostWithRetriesAsync(outgoing, duplicate: true, token);
        }
    }

    private async Task PostWithRetriesAsync(OutgoingEvent outgoing, bool duplicate, CancellationToken token)
    {
        var body = new JsonArray(outgoing.CloudEvent.DeepClone()).ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            var sentAt = _time.GetUtcNow();
            var status = await WebhookAttempt.SendAsync(_http, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, outgoing.Target)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.CreateToken());
                return request;
            }, _retry.AttemptTimeout, token);

            var success = status is >= 200 and < 300;
            var retryable = status is null or 429 or >= 500;
            var outcome = success ? DeliveryOutcome.Delivered
                : retryable && attempt < _retry.MaxAttempts ? DeliveryOutcome.WillRetry
                : DeliveryOutcome.GaveUp;
            Record(outgoing, attempt, status, outcome, duplicate, sentAt);
            if (outcome != DeliveryOutcome.WillRetry)
            {
                return;
            }

            await Task.Delay(_retry.DelayAfter(attempt), _time, token);
        }
    }

    private void Record(OutgoingEvent outgoing, int attempt, int? status, DeliveryOutcome outcome, bool duplicate, DateTimeOffset? sentAt = null)
    {
        Logs.CallbackAttempt(_logger, outgoing.Name, outgoing.CallConnectionId, outgoing.Target, attempt, status, outcome.ToString());
        _log.Add(new DeliveryRecord
        {
            Time = _time.GetUtcNow(),
            SentAt = sentAt,
            Channel = DeliveryChannel.Callback,
            EventId = outgoing.CloudEvent["id"]!.GetValue<string>(),
            EventType = outgoing.CloudEvent["type"]!.GetValue<string>(),
            CallConnectionId = outgoing.CallConnectionId,
            TargetUri = outgoing.Target,
            Attempt = attempt,
            Status = status,
            Outcome = outcome,
            Data = (JsonObject)outgoing.CloudEvent["data"]!.DeepClone(),
            IsDuplicate = duplicate,
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues.Values)
        {
            queue.Writer.TryComplete();
        }

        // A stopped service delivers nothing more: cut pending deliveries and retries off.
        var all = Task.WhenAll(_workers);
        await _stopping.CancelAsync();
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(2)));
        _stopping.Dispose();
    }

    private sealed record OutgoingEvent(string CallConnectionId, string Name, JsonObject CloudEvent, Uri Target);
}
