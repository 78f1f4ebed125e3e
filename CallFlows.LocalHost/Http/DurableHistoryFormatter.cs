using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core;
using DurableTask.Core.History;

namespace CallFlows.LocalHost.Http;

/// <summary>
/// Turns the provider's raw history (the JSON array the Azure Storage provider stores) into the <c>historyEvents</c>
/// shape of the Durable Functions HTTP API: event types and statuses by name, no orchestrator-started/completed
/// episode markers, each activity or sub-orchestration as one row (its scheduling merged into its completion with
/// <c>FunctionName</c> and <c>ScheduledTime</c>), inputs only when <c>showInput</c> and results only when
/// <c>showHistoryOutput</c>, each parsed into JSON instead of left as escaped strings.
/// </summary>
internal static class DurableHistoryFormatter
{
    /// <summary>Formats <paramref name="rawHistory"/>.</summary>
    /// <param name="rawHistory">The provider's history JSON (an array of history events).</param>
    /// <param name="showInput">Whether inputs (orchestration, activity, sub-orchestration, raised event) are kept.</param>
    /// <param name="showHistoryOutput">Whether results (activity, sub-orchestration, orchestration) are kept.</param>
    /// <returns>The documented <c>historyEvents</c> array.</returns>
    public static JsonArray Format(string rawHistory, bool showInput, bool showHistoryOutput)
    {
        var events = JsonNode.Parse(rawHistory) as JsonArray ?? [];
        var scheduled = new Dictionary<string, (JsonObject Row, int Index)>(StringComparer.Ordinal);
        var dropped = new HashSet<int>();
        var rows = new List<JsonObject>();

        foreach (JsonObject raw in events.OfType<JsonObject>())
        {
            JsonObject item = (JsonObject)raw.DeepClone();
            if (!TryEventType(item["EventType"], out EventType type))
            {
                continue;
            }

            item["EventType"] = type.ToString();
            int index = rows.Count;
            switch (type)
            {
                case EventType.OrchestratorStarted:
                case EventType.OrchestratorCompleted:
                    continue;
                case EventType.ExecutionStarted:
                    Rename(item, "Name", "FunctionName");
                    item.Remove("OrchestrationInstance");
                    item.Remove("ParentInstance");
                    item.Remove("Version");
                    item.Remove("Tags");
                    item.Remove("ParentTraceContext");
                    item.Remove("Correlation");
                    break;
                case EventType.TaskScheduled:
                    scheduled["task:" + Text(item["EventId"])] = (item, index);
                    item.Remove("Version");
                    item.Remove("Tags");
                    item.Remove("ParentTraceContext");
                    break;
                case EventType.SubOrchestrationInstanceCreated:
                    scheduled["sub:" + Text(item["EventId"])] = (item, index);
                    item.Remove("Version");
                    item.Remove("Tags");
                    item.Remove("ClientSpanId");
                    break;
                case EventType.TaskCompleted:
                case EventType.TaskFailed:
                    Merge(item, scheduled, "task:", showInput, dropped);
                    KeepResult(item, showHistoryOutput && type == EventType.TaskCompleted);
                    break;
                case EventType.SubOrchestrationInstanceCompleted:
                case EventType.SubOrchestrationInstanceFailed:
                    Merge(item, scheduled, "sub:", showInput, dropped);
                    KeepResult(item, showHistoryOutput && type == EventType.SubOrchestrationInstanceCompleted);
                    break;
                case EventType.ExecutionCompleted:
                    if (TryStatus(item["OrchestrationStatus"], out OrchestrationStatus status))
                    {
                        item["OrchestrationStatus"] = status.ToString();
                    }

                    KeepResult(item, showHistoryOutput);
                    break;
                case EventType.TimerFired:
                    item.Remove("TimerId");
                    break;
            }

            if (showInput && item["Input"] is JsonValue input)
            {
                item["Input"] = ParseEmbedded(input);
            }
            else if (!showInput)
            {
                item.Remove("Input");
            }

            item.Remove("EventId");
            item.Remove("IsPlayed");
            rows.Add(item);
        }

        var result = new JsonArray();
        for (int i = 0; i < rows.Count; i++)
        {
            if (!dropped.Contains(i))
            {
                result.Add(rows[i]);
            }
        }

        return result;
    }

    /// <summary>
    /// Parses a value stored as a JSON string into JSON; a string that itself holds serialized JSON (an event body
    /// carried as text) is parsed once more, so no layer of escaping reaches the reader.
    /// </summary>
    /// <param name="serialized">The stored text.</param>
    /// <returns>The JSON value, or the text as a JSON string when it is not JSON.</returns>
    public static JsonNode? ParseEmbedded(string? serialized)
    {
        if (string.IsNullOrWhiteSpace(serialized))
        {
            return serialized is null ? null : JsonValue.Create(serialized);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }

        if (node is JsonValue value && value.TryGetValue(out string? inner)
            && inner.TrimStart() is { Length: > 0 } trimmed && (trimmed[0] == '{' || trimmed[0] == '['))
        {
            try
            {
                return JsonNode.Parse(inner);
            }
            catch (JsonException)
            {
                return node;
            }
        }

        return node;
    }

    static JsonNode? ParseEmbedded(JsonValue value) =>
        value.TryGetValue(out string? text) ? ParseEmbedded(text) : value.DeepClone();

    static void Merge(JsonObject completion, Dictionary<string, (JsonObject Row, int Index)> scheduled, string prefix, bool showInput, HashSet<int> dropped)
    {
        string key = prefix + Text(completion["TaskScheduledId"]);
        completion.Remove("TaskScheduledId");
        if (!scheduled.Remove(key, out var origin))
        {
            return;
        }

        completion["ScheduledTime"] = origin.Row["Timestamp"]?.DeepClone();
        completion["FunctionName"] = origin.Row["Name"]?.DeepClone();
        if (showInput && origin.Row["Input"] is { } input)
        {
            completion["Input"] = input.DeepClone();
        }

        if (origin.Row["InstanceId"] is { } child)
        {
            completion["InstanceId"] = child.DeepClone();
        }

        dropped.Add(origin.Index);
    }

    static void KeepResult(JsonObject item, bool show)
    {
        if (!show)
        {
            item.Remove("Result");
        }
        else if (item["Result"] is JsonValue result)
        {
            item["Result"] = ParseEmbedded(result);
        }
    }

    static void Rename(JsonObject item, string from, string to)
    {
        JsonNode? value = item[from]?.DeepClone();
        item.Remove(from);
        item[to] = value;
    }

    static string Text(JsonNode? node) => node?.ToJsonString() ?? string.Empty;

    static bool TryEventType(JsonNode? node, out EventType type) => TryEnum(node, out type);

    static bool TryStatus(JsonNode? node, out OrchestrationStatus status) => TryEnum(node, out status);

    static bool TryEnum<T>(JsonNode? node, out T value)
        where T : struct, Enum
    {
        value = default;
        if (node is not JsonValue json)
        {
            return false;
        }

        if (json.TryGetValue(out int number) && Enum.IsDefined(typeof(T), number))
        {
            value = (T)Enum.ToObject(typeof(T), number);
            return true;
        }

        return json.TryGetValue(out string? name) && Enum.TryParse(name, ignoreCase: false, out value);
    }
}
