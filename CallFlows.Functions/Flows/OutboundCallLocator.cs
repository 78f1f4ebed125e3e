namespace CallFlows.Functions.Flows;

/// <summary>An existing call in a <see cref="OutboundCallInput"/>.</summary>
public sealed class OutboundCallLocator
{
    /// <summary><c>serverCall</c>, <c>groupCall</c> or <c>room</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The server call id, group call id or room id.</summary>
    public string? Id { get; set; }
}
