namespace CallFlows.Runtime.Protocol;

/// <summary>What a call-establishing action (answer, create, connect) returns.</summary>
/// <param name="CallConnectionId">The call connection id.</param>
/// <param name="ServerCallId">The server call id, if reported.</param>
/// <param name="CorrelationId">The correlation id, if reported.</param>
/// <param name="State">The connection state right after the request (usually <c>Connecting</c>).</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record CallConnectionInfo(string CallConnectionId, string? ServerCallId, string? CorrelationId, string State);
