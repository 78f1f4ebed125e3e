namespace CallFlows.CallAutomation;

/// <summary>The result of <see cref="CallConnection.TransferCallToParticipantAsync(TransferToParticipantOptions, System.Threading.CancellationToken)"/>; the outcome arrives as <see cref="CallTransferAccepted"/> or <see cref="CallTransferFailed"/>.</summary>
public sealed class TransferCallToParticipantResult
{
    /// <summary>The operation context echoed by the service.</summary>
    public string? OperationContext { get; init; }
}
