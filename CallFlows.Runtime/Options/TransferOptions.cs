using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowCall.TransferAsync"/>.</summary>
public sealed class TransferOptions
{
    /// <summary>In a group call: the participant who is transferred. Default null (the 1:1 call itself).</summary>
    public CommunicationIdentifier? Transferee { get; set; }

    /// <summary>The caller id shown to a PSTN target. Default null.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to the target. Default empty.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();

    /// <summary>How long to wait for <c>CallTransferAccepted</c>/<c>Failed</c>. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
