namespace CallFlows.Emulator.Simulation;

/// <summary>A pending transfer of a call connection.</summary>
internal sealed class SimTransfer(string targetRawId, string transfereeRawId, string? operationContext, Uri callbackUri)
{
    public string TargetRawId { get; } = targetRawId;

    public string TransfereeRawId { get; } = transfereeRawId;

    public string? OperationContext { get; } = operationContext;

    public Uri CallbackUri { get; } = callbackUri;

    public ITimer? Timer { get; set; }
}
