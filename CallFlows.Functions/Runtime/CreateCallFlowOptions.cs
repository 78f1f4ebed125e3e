using CallFlows.CallAutomation;

namespace CallFlows.Functions.Runtime;

/// <summary>Options of <see cref="CallFlow.CreateCallAsync"/>.</summary>
public sealed class CreateCallFlowOptions
{
    /// <summary>The caller id shown to a PSTN callee; required for phone number targets. Null by default.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>The display name shown to the callee; null (the default) sends none.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to the callee; empty by default.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();
}
