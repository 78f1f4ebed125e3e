using CallFlows.CallAutomation;

namespace CallFlows.Functions.Runtime;

/// <summary>Options of <see cref="CallFlowCall.AddParticipantAsync"/>.</summary>
public sealed class AddParticipantFlowOptions
{
    /// <summary>How long the invitation rings before ACS gives up (whole seconds, 1–180); null (the default) leaves it to ACS.</summary>
    public TimeSpan? InvitationTimeout { get; set; }

    /// <summary>The caller id shown to a PSTN participant; required for phone numbers. Null by default.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>The display name shown to the participant; null (the default) sends none.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to the participant; empty by default.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();
}
