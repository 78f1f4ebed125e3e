using CallFlows.Emulator;
using CallFlows.Emulator.Observability;

namespace CallFlows.Benchmarks.Harness;

/// <summary>
/// A snapshot of one emulator's logs, indexed per call: when each event was delivered (the receiver answered 2xx;
/// emulator clock) and when each action request arrived (its response sent). Latencies are differences of these
/// two clocks of the same process.
/// </summary>
internal sealed class CallLog
{
    readonly Dictionary<string, DateTimeOffset> incomingDelivered = new(StringComparer.Ordinal);
    readonly Dictionary<(string Call, string Event), DateTimeOffset> firstEvent = [];
    readonly Dictionary<(string Call, string Event), DateTimeOffset> firstEventSent = [];
    readonly Dictionary<(string Call, string Operation), DateTimeOffset> firstRequest = [];
    readonly Dictionary<string, List<DeliveryRecord>> callbacks = new(StringComparer.Ordinal);

    public CallLog(AcsEmulator emulator)
    {
        foreach (DeliveryRecord record in emulator.EventLog.Entries)
        {
            if (record.Outcome != DeliveryOutcome.Delivered || record.IsDuplicate)
            {
                continue;
            }

            if (record.Channel == DeliveryChannel.EventGrid)
            {
                // The webhook may answer (on arrival) before it replies: the step starts when the delivery was sent.
                this.incomingDelivered.TryAdd(record.EventId, record.SentAt ?? record.Time);
            }
            else if (record.Channel == DeliveryChannel.Callback && record.CallConnectionId is { } call)
            {
                this.firstEvent.TryAdd((call, record.Name), record.Time);
                this.firstEventSent.TryAdd((call, record.Name), record.SentAt ?? record.Time);
                if (!this.callbacks.TryGetValue(call, out List<DeliveryRecord>? list))
                {
                    this.callbacks[call] = list = [];
                }

                list.Add(record);
            }
        }

        foreach (RecordedRequest request in emulator.RequestLog.Entries)
        {
            if (request.IsReplay || request.IsInjectedFault || request.Status >= 300 || request.Operation is null)
            {
                continue;
            }

            string operation = request.Operation switch
            {
                "CallConnection_HangupCall" or "CallConnection_TerminateCall" => HangUp,
                _ => request.Operation,
            };
            string? call = request.CallConnectionId ?? (operation == "AnswerCall" ? ExtractCallConnectionId(request.ResponseBody) : null);
            if (call is not null)
            {
                this.firstRequest.TryAdd((call, operation), request.Time);
            }
        }
    }

    public const string HangUp = "HangUp";

    public DateTimeOffset? IncomingDelivered(string eventId) => this.incomingDelivered.TryGetValue(eventId, out DateTimeOffset t) ? t : null;

    /// <summary>When the first delivered callback of that name was sent to the app (the app may act on it before it answers).</summary>
    public DateTimeOffset? EventSent(string callConnectionId, string name) => this.firstEventSent.TryGetValue((callConnectionId, name), out DateTimeOffset t) ? t : null;

    public DateTimeOffset? Event(string callConnectionId, string name) => this.firstEvent.TryGetValue((callConnectionId, name), out DateTimeOffset t) ? t : null;

    public DateTimeOffset? Request(string callConnectionId, string operation) => this.firstRequest.TryGetValue((callConnectionId, operation), out DateTimeOffset t) ? t : null;

    public IReadOnlyList<DeliveryRecord> Callbacks(string callConnectionId) => this.callbacks.TryGetValue(callConnectionId, out List<DeliveryRecord>? list) ? list : [];

    public int CountRequests(string operation) => this.firstRequest.Keys.Count(k => k.Operation == operation);

    static string? ExtractCallConnectionId(string responseBody)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(responseBody);
            return json.RootElement.TryGetProperty("callConnectionId", out var id) ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public static double Ms(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalMilliseconds;
}
