namespace CallFlows.Runtime.Hosting;

/// <summary>An existing call in a <see cref="StartCallRequest"/>.</summary>
public sealed class StartCallLocator
{
    /// <summary><c>serverCall</c>, <c>groupCall</c> or <c>room</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The server call id, group call id or room id.</summary>
    public string? Id { get; set; }
}
