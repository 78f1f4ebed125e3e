namespace CallFlows.Emulator.Simulation;

/// <summary>A pending AddParticipant invitation.</summary>
internal sealed class SimInvitation(string id, string rawId, string? operationContext, Uri callbackUri)
{
    public string Id { get; } = id;

    public string RawId { get; } = rawId;

    public string? OperationContext { get; } = operationContext;

    public Uri CallbackUri { get; } = callbackUri;

    public ITimer? Timer { get; set; }

    public bool Done { get; set; }
}
