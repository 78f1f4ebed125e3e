namespace CallFlows.Emulator.Observability;

/// <summary>
/// An append-only, thread-safe log the emulator writes and tests read: snapshot it, or await an entry that matches a
/// condition (already logged or still to come) instead of sleeping.
/// </summary>
/// <typeparam name="T">The entry type.</typeparam>
public sealed class EmulatorLog<T>
{
    private readonly object _gate = new();
    private readonly List<T> _entries = [];
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> _waiters = [];

    /// <summary>A snapshot of all entries so far, oldest first.</summary>
    public IReadOnlyList<T> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The number of entries so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits for the first entry (already logged or future) that satisfies <paramref name="predicate"/>.</summary>
    /// <param name="predicate">The condition.</param>
    /// <param name="timeout">How long to wait before failing with <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching entry.</returns>
    /// <exception cref="TimeoutException">No entry matched within <paramref name="timeout"/>; the message lists what was logged.</exception>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TaskCompletionSource<T> completion;
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (predicate(entry))
                {
                    return entry;
                }
            }

            completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, completion));
        }

        try
        {
            return await completion.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No {typeof(T).Name} matched within {timeout.TotalSeconds:0.###} s. Logged so far:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", Entries.TakeLast(40)));
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Completion == completion);
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> entries satisfy <paramref name="predicate"/> and returns them.</summary>
    /// <param name="predicate">The condition.</param>
    /// <param name="count">How many matching entries are needed.</param>
    /// <param name="timeout">How long to wait before failing with <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first <paramref name="count"/> matching entries, oldest first.</returns>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(Func<T, bool> predicate, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var seen = 0;
        await WaitForAsync(e => predicate(e) && ++seen >= count, timeout, cancellationToken);
        return Entries.Where(predicate).Take(count).ToList();
    }

    internal void Add(T entry)
    {
        List<TaskCompletionSource<T>> completed = [];
        lock (_gate)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(entry))
                {
                    completed.Add(_waiters[i].Completion);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var completion in completed)
        {
            completion.TrySetResult(entry);
        }
    }
}
