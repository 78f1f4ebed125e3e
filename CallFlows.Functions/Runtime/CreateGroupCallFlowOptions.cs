using CallFlows.CallAutomation;

namespace CallFlows.Functions.Runtime;

/// <summary>Options of <see cref="CallFlow.CreateGroupCallAsync"/>.</summary>
public sealed class CreateGroupCallFlowOptions
{
    /// <summary>The caller id shown to PSTN callees; required when a target is a phone number. Null by default.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>The display name shown to the callees; null (the default) sends none.</summary>
    public string? DisplayName { get; set; }
}
