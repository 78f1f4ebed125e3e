using System.Collections.Concurrent;

namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>What the probe's edge activities were asked to do, per call connection (tests poll it to learn operation contexts).</summary>
internal static class ProbeRecorder
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<ProbeRequest>> Requests = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate a slow edge activity waits on before it returns (released by the test).</summary>
    public static TaskCompletionSource Gate(string callConnectionId) =>
        Gates.GetOrAdd(callConnectionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static void Record(string callConnectionId, ProbeRequest request) =>
        Requests.GetOrAdd(callConnectionId, _ => new ConcurrentQueue<ProbeRequest>()).Enqueue(request);

    public static IReadOnlyList<ProbeRequest> For(string callConnectionId) =>
        Requests.TryGetValue(callConnectionId, out var queue) ? queue.ToList() : [];

    public static async Task<ProbeRequest> WaitForAsync(string callConnectionId, string action, int occurrence, CancellationToken cancellationToken)
    {
        while (true)
        {
            var match = For(callConnectionId).Where(r => r.Action == action).Skip(occurrence - 1).FirstOrDefault();
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
