using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// Instances this process read as running (Pending or Running) a moment ago, so that the callbacks of one burst
/// (e.g. <c>CallConnected</c> then <c>ParticipantsUpdated</c>, or <c>AddParticipantSucceeded</c> then the roster) cost
/// one instance read instead of one each. An entry is trusted for <see cref="CallFlowsOptions.RunningInstanceCacheDuration"/>
/// from the read that made it, never extended by the callbacks that used it, so an instance terminated or purged
/// meanwhile is read again at the first callback after that duration.
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="options">The app settings.</param>
internal sealed class RunningInstanceCache(TimeProvider time, IOptions<CallFlowsOptions> options)
{
    // Entries of calls that stopped calling back are dropped when the cache grows past this size (expired ones only).
    private const int PruneAbove = 4096;

    private readonly ConcurrentDictionary<string, long> _readAt = new(StringComparer.Ordinal);

    private TimeSpan Duration => options.Value.RunningInstanceCacheDuration;

    /// <summary>Whether the instance was read as running less than the cache duration ago.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>True when a read can be skipped.</returns>
    public bool IsKnownRunning(string instanceId)
    {
        if (Duration <= TimeSpan.Zero || !_readAt.TryGetValue(instanceId, out var readAt))
        {
            return false;
        }

        if (time.GetElapsedTime(readAt) < Duration)
        {
            return true;
        }

        _readAt.TryRemove(new KeyValuePair<string, long>(instanceId, readAt));
        return false;
    }

    /// <summary>Records that the instance was just read as running.</summary>
    /// <param name="instanceId">The instance.</param>
    public void MarkRunning(string instanceId)
    {
        if (Duration <= TimeSpan.Zero)
        {
            return;
        }

        _readAt[instanceId] = time.GetTimestamp();
        if (_readAt.Count > PruneAbove)
        {
            foreach (var entry in _readAt)
            {
                if (time.GetElapsedTime(entry.Value) >= Duration)
                {
                    _readAt.TryRemove(entry);
                }
            }
        }
    }

    /// <summary>Forgets the instance (its call ended, so its flow may end at any moment): the next callback reads it.</summary>
    /// <param name="instanceId">The instance.</param>
    public void Forget(string instanceId) => _readAt.TryRemove(instanceId, out _);
}
