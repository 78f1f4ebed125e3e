namespace CallFlows.CallAutomation;

/// <summary>A transfer was accepted by its target (CloudEvent type <c>Microsoft.Communication.CallTransferAccepted</c>).</summary>
public sealed class CallTransferAccepted : CallAutomationEventBase
{
    /// <summary>The participant the call was transferred to.</summary>
    public CommunicationIdentifier? TransferTarget { get; init; }

    /// <summary>The participant that was transferred.</summary>
    public CommunicationIdentifier? Transferee { get; init; }
}
