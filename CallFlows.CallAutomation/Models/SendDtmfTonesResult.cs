namespace CallFlows.CallAutomation;

/// <summary>The accepted send (202); the outcome arrives as <see cref="SendDtmfTonesCompleted"/> or <see cref="SendDtmfTonesFailed"/>.</summary>
public sealed class SendDtmfTonesResult
{
    /// <summary>The operation context the request carried, echoed by the service when it returns one.</summary>
    public string? OperationContext { get; init; }
}
