using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowContext.CreateCallAsync"/> and <see cref="CallFlowContext.CreateGroupCallAsync"/>.</summary>
public sealed class CreateCallFlowOptions
{
    /// <summary>The caller id shown to PSTN callees; required when calling a phone number. Default null.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>The display name shown to callees. Default null (none).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to a 1:1 callee. Default empty.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();

    /// <summary>How long to wait for the call to connect (the callee's ring time included). Default 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
