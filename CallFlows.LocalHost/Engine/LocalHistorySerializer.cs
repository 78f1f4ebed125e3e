using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// Reads the history JSON of the Azure Storage provider (Newtonsoft, with <c>$type</c> names) back into
/// DurableTask.Core <see cref="HistoryEvent"/> objects. Only history event types may be named: the binder refuses
/// any other type, so stored JSON cannot make the reader create arbitrary objects.
/// </summary>
internal static class LocalHistorySerializer
{
    static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.Objects,
        SerializationBinder = new HistoryEventBinder(),
        DateParseHandling = DateParseHandling.DateTime,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = 64,
    };

    public static IList<HistoryEvent> Deserialize(string json) =>
        JsonConvert.DeserializeObject<List<HistoryEvent>>(json, Settings) ?? [];

    sealed class HistoryEventBinder : ISerializationBinder
    {
        static readonly DefaultSerializationBinder Default = new();

        public Type BindToType(string? assemblyName, string typeName)
        {
            Type type = Default.BindToType(assemblyName, typeName);
            return typeof(HistoryEvent).IsAssignableFrom(type) || type.Namespace is "DurableTask.Core" or "DurableTask.Core.History" or "DurableTask.Core.Tracing"
                ? type
                : throw new JsonSerializationException($"Type '{typeName}' is not a history event.");
        }

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
            Default.BindToName(serializedType, out assemblyName, out typeName);
    }
}
