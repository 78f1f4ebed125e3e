using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace CallFlows.Benchmarks.Storage;

/// <summary>
/// Finds the orchestration instances a call created through the host's Durable Functions HTTP API
/// (<c>/runtime/webhooks/durabletask/instances</c>) and counts the episodes (OrchestratorStarted events) and history
/// rows they hold through the durable client.
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

    /// <summary>
    /// The episodes (OrchestratorStarted events) and history rows of one instance's latest execution, read as the
    /// provider stores them (the HTTP API's <c>showHistory</c> answers in the documented shape, which leaves out the
    /// orchestrator-started rows and merges each activity's rows into one).
    /// </summary>
    public static async Task<(int Episodes, int Rows)> CountAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        IList<HistoryEvent> history;
        try
        {
            history = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
        }
        catch (NotSupportedException)
        {
            // The in-memory engine keeps no history: nothing to count.
            return (0, 0);
        }

        return (history.Count(e => e is OrchestratorStartedEvent), history.Count);
    }

    static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken) ?? throw new InvalidOperationException("Empty response from " + uri);
    }
}
