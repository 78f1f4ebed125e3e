namespace CallFlows.CallAutomation;

/// <summary>Whom to call and as whom: the target plus the caller id shown to a PSTN callee and custom calling context.</summary>
public sealed class CallInvite
{
    /// <summary>Invites a phone number; PSTN calls need a caller id number owned by the resource.</summary>
    /// <param name="targetPhoneNumberIdentity">The phone number to call.</param>
    /// <param name="callerIdNumber">The caller id number shown to the callee.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CallInvite(PhoneNumberIdentifier targetPhoneNumberIdentity, PhoneNumberIdentifier callerIdNumber)
    {
        ArgumentNullException.ThrowIfNull(targetPhoneNumberIdentity);
        ArgumentNullException.ThrowIfNull(callerIdNumber);
        Target = targetPhoneNumberIdentity;
        SourceCallerIdNumber = callerIdNumber;
    }

    /// <summary>Invites an ACS user.</summary>
    /// <param name="targetIdentity">The user to call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetIdentity"/> is null.</exception>
    public CallInvite(CommunicationUserIdentifier targetIdentity)
    {
        ArgumentNullException.ThrowIfNull(targetIdentity);
        Target = targetIdentity;
    }

    /// <summary>Invites a Microsoft Teams user.</summary>
    /// <param name="targetIdentity">The Teams user to call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetIdentity"/> is null.</exception>
    public CallInvite(MicrosoftTeamsUserIdentifier targetIdentity)
    {
        ArgumentNullException.ThrowIfNull(targetIdentity);
        Target = targetIdentity;
    }

    /// <summary>Invites a Microsoft Teams app (e.g. a Teams voice app).</summary>
    /// <param name="targetIdentity">The Teams app to call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetIdentity"/> is null.</exception>
    public CallInvite(MicrosoftTeamsAppIdentifier targetIdentity)
    {
        ArgumentNullException.ThrowIfNull(targetIdentity);
        Target = targetIdentity;
    }

    /// <summary>The participant to call.</summary>
    public CommunicationIdentifier Target { get; }

    /// <summary>The caller id number shown to a PSTN callee; required for PSTN targets.</summary>
    public PhoneNumberIdentifier? SourceCallerIdNumber { get; set; }

    /// <summary>The display name shown to the callee; null (the default) sends none.</summary>
    public string? SourceDisplayName { get; set; }

    /// <summary>Custom SIP/VoIP headers sent to the target; starts empty.</summary>
    public CustomCallingContext CustomCallingContext { get; } = new();
}
