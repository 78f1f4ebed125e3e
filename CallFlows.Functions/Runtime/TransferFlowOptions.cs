using CallFlows.CallAutomation;

namespace CallFlows.Functions.Runtime;

/// <summary>Options of <see cref="CallFlowCall.TransferAsync"/>.</summary>
public sealed class TransferFlowOptions
{
    /// <summary>In a group call, the participant to transfer; null (the default) transfers a 1:1 call's remote party.</summary>
    public CommunicationIdentifier? Transferee { get; set; }

    /// <summary>The caller id shown to a PSTN target; null (the default) sends none.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>Custom SIP headers (UUI, <c>X-MS-Custom-*</c>) and VoIP headers sent to the target; empty by default.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();
}
