using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// Reads the history JSON of the Azure Storage provider (a Newtonsoft array of events, each with its numeric
/// <c>EventType</c> and no type names) back into DurableTask.Core <see cref="HistoryEvent"/> objects. The CLR type
/// comes from the <see cref="EventType"/> value alone (<c>TaskScheduled</c> → <see cref="TaskScheduledEvent"/>), so
/// stored JSON cannot make the reader create any other type; an event type this version does not know is skipped.
/// </summary>
internal static class LocalHistorySerializer
{
    static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        DateParseHandling = DateParseHandling.DateTime,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = 64,
    });

    static readonly Dictionary<EventType, Type> Types = Enum.GetValues<EventType>()
        .Select(t => (Kind: t, Type: typeof(HistoryEvent).Assembly.GetType($"{typeof(HistoryEvent).Namespace}.{t}Event")))
        .Where(x => x.Type is not null && typeof(HistoryEvent).IsAssignableFrom(x.Type))
        .ToDictionary(x => x.Kind, x => x.Type!);

    public static IList<HistoryEvent> Deserialize(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.DateTime, DateTimeZoneHandling = DateTimeZoneHandling.Utc, MaxDepth = 64 };
        JArray events = JArray.Load(reader);
        var history = new List<HistoryEvent>(events.Count);
        foreach (JToken token in events)
        {
            if (token is JObject item && item.Value<int?>(nameof(HistoryEvent.EventType)) is int kind
                && Types.TryGetValue((EventType)kind, out Type? type) && item.ToObject(type, Serializer) is HistoryEvent historyEvent)
            {
                history.Add(historyEvent);
            }
        }

        return history;
    }
}
