using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallFlows.Benchmarks.Storage;

/// <summary>
/// Reads orchestration instances and their histories through the host's Durable Functions HTTP API
/// (<c>/runtime/webhooks/durabletask/instances</c>, <c>showHistory=true</c>): how many episodes (OrchestratorStarted
/// events) and history rows the instances created for a call hold.
/// </summary>
internal static class CallHistory
{
    const string Prefix = "runtime/webhooks/durabletask/instances";

    /// <summary>Ids of the instances created at or after <paramref name="from"/> (second precision, so callers filter ids they already saw).</summary>
    public static async Task<IReadOnlyList<string>> InstancesCreatedSinceAsync(HttpClient client, Uri baseAddress, DateTimeOffset from, CancellationToken cancellationToken)
    {
        string since = from.UtcDateTime.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        using JsonDocument list = await GetJsonAsync(client, new Uri(baseAddress, $"{Prefix}?createdTimeFrom={since}&top=1000"), cancellationToken);
        return list.RootElement.EnumerateArray().Select(i => i.GetProperty("instanceId").GetString()!).ToList();
    }

    /// <summary>The episodes and history rows of one instance's latest execution.</summary>
    public static async Task<(int Episodes, int Rows)> CountAsync(HttpClient client, Uri baseAddress, string instanceId, CancellationToken cancellationToken)
    {
        using JsonDocument status = await GetJsonAsync(client, new Uri(baseAddress, $"{Prefix}/{Uri.EscapeDataString(instanceId)}?showHistory=true&showInput=false"), cancellationToken);
        if (!status.RootElement.TryGetProperty("historyEvents", out JsonElement events) || events.ValueKind != JsonValueKind.Array)
        {
            return (0, 0);
        }

        int episodes = events.EnumerateArray().Count(IsOrchestratorStarted);
        return (episodes, events.GetArrayLength());
    }

    static bool IsOrchestratorStarted(JsonElement historyEvent)
    {
        // DurableTask.Core's EventType: OrchestratorStarted = 12 (numbers by default, names with a string enum converter).
        JsonElement type = historyEvent.TryGetProperty("EventType", out JsonElement t) ? t
            : historyEvent.TryGetProperty("eventType", out JsonElement u) ? u : default;
        return type.ValueKind switch
        {
            JsonValueKind.Number => type.GetInt32() == 12,
            JsonValueKind.String => type.GetString() == "OrchestratorStarted",
            _ => false,
        };
    }

    static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken) ?? throw new InvalidOperationException("Empty response from " + uri);
    }
}
