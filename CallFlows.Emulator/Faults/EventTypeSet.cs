using System.Collections;
using System.Collections.Concurrent;

namespace CallFlows.Emulator.Faults;

/// <summary>A thread-safe set of event names: tests change it while deliveries read it.</summary>
internal sealed class EventTypeSet : ICollection<string>
{
    private readonly ConcurrentDictionary<string, byte> _items = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public bool IsReadOnly => false;

    public void Add(string item) => _items[item] = 0;

    public void Clear() => _items.Clear();

    public bool Contains(string item) => _items.ContainsKey(item);

    /// <summary>Whether the set names this event, short (<c>CallConnected</c>) or full (<c>Microsoft.Communication.CallConnected</c>).</summary>
    public bool Names(string eventName) => Contains(eventName) || Contains("Microsoft.Communication." + eventName);

    public void CopyTo(string[] array, int arrayIndex) => _items.Keys.ToArray().CopyTo(array, arrayIndex);

    public bool Remove(string item) => _items.TryRemove(item, out _);

    public IEnumerator<string> GetEnumerator() => _items.Keys.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
