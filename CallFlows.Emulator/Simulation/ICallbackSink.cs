using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation;

/// <summary>Where the engine queues callback events; implemented by the callback dispatcher.</summary>
internal interface ICallbackSink
{
    /// <summary>Queues one event of <paramref name="connection"/> for delivery to <paramref name="target"/>, after every event queued before it.</summary>
    void Enqueue(SimConnection connection, string eventName, JsonObject data, Uri target);

    /// <summary>No more events will be queued for <paramref name="connection"/>.</summary>
    void Complete(SimConnection connection);
}
