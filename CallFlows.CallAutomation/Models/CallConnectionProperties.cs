namespace CallFlows.CallAutomation;

/// <summary>The properties of a call connection (response of CreateCall, AnswerCall, Connect and GetCall).</summary>
public sealed class CallConnectionProperties
{
    private readonly IReadOnlyList<CommunicationIdentifier> _targets = [];

    /// <summary>The call connection id; use it with <see cref="CallAutomationClient.GetCallConnection(string)"/>.</summary>
    public string? CallConnectionId { get; init; }

    /// <summary>The server call id (for <see cref="ServerCallLocator"/> and recording).</summary>
    public string? ServerCallId { get; init; }

    /// <summary>The targets of the call; empty when none are reported.</summary>
    public IReadOnlyList<CommunicationIdentifier> Targets
    {
        get => _targets;
        init => _targets = value ?? [];
    }

    /// <summary>The state of the call connection.</summary>
    public CallConnectionState CallConnectionState { get; init; }

    /// <summary>The callback URI events of this call go to.</summary>
    public Uri? CallbackUri { get; init; }

    /// <summary>The caller id number used for PSTN legs.</summary>
    public PhoneNumberIdentifier? SourceCallerIdNumber { get; init; }

    /// <summary>The display name of the caller.</summary>
    public string? SourceDisplayName { get; init; }

    /// <summary>The source identity of the call (a full identifier on the wire, per the 2026-03-12 spec).</summary>
    public CommunicationIdentifier? Source { get; init; }

    /// <summary>The correlation id of the call (a.k.a. chain id), useful for support requests.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The ACS user that answered the call on behalf of the application, if any.</summary>
    public CommunicationUserIdentifier? AnsweredBy { get; init; }

    /// <summary>The phone number the call was answered for, if any.</summary>
    public PhoneNumberIdentifier? AnsweredFor { get; init; }
}
