namespace CallFlows.Emulator.Simulation;

/// <summary>What kind of call a server call is; decides whether it ends when the last person leaves.</summary>
internal enum SimCallKind
{
    /// <summary>Created by CreateCall: ends when every callee has left.</summary>
    Outbound,

    /// <summary>Placed to the resource: ends when the caller leaves.</summary>
    Inbound,

    /// <summary>A group call (joined by groupCallId): lives on while empty.</summary>
    Group,

    /// <summary>A room call: lives on while empty.</summary>
    Room,

    /// <summary>A server call created through the world API: lives on while empty.</summary>
    Server,
}
