using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Options of <see cref="CallFlowCall.AddParticipantAsync"/>.</summary>
public sealed class AddParticipantFlowOptions
{
    /// <summary>How long the invitation rings before ACS gives up (whole seconds, 1–180). Default null: ACS's own ring time.</summary>
    public TimeSpan? InvitationTimeout { get; set; }

    /// <summary>The caller id shown to a PSTN participant; required for phone numbers. Default null.</summary>
    public PhoneNumberIdentifier? CallerId { get; set; }

    /// <summary>The display name shown to the participant. Default null (none).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to the participant. Default empty.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();

    /// <summary>How long the flow waits for <c>AddParticipantSucceeded</c>/<c>Failed</c>; keep it above the invitation timeout. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
