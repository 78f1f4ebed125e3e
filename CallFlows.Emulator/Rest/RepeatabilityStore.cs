using System.Collections.Concurrent;

namespace CallFlows.Emulator.Rest;

/// <summary>
/// Remembers responses by Repeatability-Request-ID (OASIS Repeatable Requests, PROTOCOL.md §3): the same id with the same
/// request returns the first response without executing again; a concurrent duplicate waits for the first to finish.
/// </summary>
internal sealed class RepeatabilityStore(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Window => window;

    /// <summary>Claims <paramref name="id"/>; returns the earlier entry when the id is already known.</summary>
    public (bool IsNew, Entry Entry) Claim(string id, string fingerprint)
    {
        Sweep();
        var fresh = new Entry(fingerprint, time.GetUtcNow());
        var entry = _entries.GetOrAdd(id, fresh);
        return (ReferenceEquals(entry, fresh), entry);
    }

    /// <summary>Forgets an id whose first request did not execute (e.g. an injected fault), so a retry executes.</summary>
    public void Release(string id, Entry entry) => _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - window;
        foreach (var (key, entry) in _entries)
        {
            if (entry.CreatedAt < cutoff && entry.Response.Task.IsCompleted)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    internal sealed class Entry(string fingerprint, DateTimeOffset createdAt)
    {
        public string Fingerprint { get; } = fingerprint;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public TaskCompletionSource<StoredResponse> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A response as sent, kept for replay.</summary>
internal sealed record StoredResponse(int Status, string? Body, string? ErrorCode);
