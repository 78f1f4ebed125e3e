namespace CallFlows.Runtime.Hosting;

/// <summary>The body of <c>POST /api/calls</c>: which outbound flow to start and its parameters (raw ids).</summary>
public sealed class StartCallRequest
{
    /// <summary>The flow: <c>OutboundCall</c>, <c>GroupCall</c>, <c>ConnectCall</c>, <c>GroupTransfer</c>, <c>CancelAddParticipant</c>, <c>RemoveParticipant</c>, <c>HangUpForEveryone</c>. Required.</summary>
    public string? Flow { get; set; }

    /// <summary>An idempotency key used as the instance id (1–100 of <c>A-Z a-z 0-9 - _ .</c>); a repeat returns the existing instance. Optional.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The raw ids to call.</summary>
    public IList<string>? Targets { get; init; }

    /// <summary>The caller id raw id (<c>4:+1...</c>), required for PSTN targets.</summary>
    public string? CallerId { get; set; }

    /// <summary>The display name shown to callees.</summary>
    public string? DisplayName { get; set; }

    /// <summary>For <c>ConnectCall</c> (and optionally <c>HangUpForEveryone</c>): the existing call.</summary>
    public StartCallLocator? Locator { get; set; }

    /// <summary>The participant to add and cancel, or to remove.</summary>
    public string? Participant { get; set; }

    /// <summary>For <c>GroupTransfer</c>: where the transferee goes.</summary>
    public string? TransferTarget { get; set; }

    /// <summary>For <c>GroupTransfer</c>: who is transferred.</summary>
    public string? Transferee { get; set; }

    /// <summary>Invitation timeout in seconds (1–180).</summary>
    public int? InvitationTimeoutSeconds { get; set; }

    /// <summary>Connect timeout in seconds (1–600); 60 by default.</summary>
    public int? ConnectTimeoutSeconds { get; set; }

    /// <summary>Maximum connected duration in seconds (0–86400); 60 by default.</summary>
    public int? MaxDurationSeconds { get; set; }

    /// <summary>For <c>CancelAddParticipant</c>: seconds before the invitation is cancelled (1–180); 5 by default.</summary>
    public int? CancelAfterSeconds { get; set; }

    /// <summary>Timeout of mid-call actions in seconds (1–600); 30 by default.</summary>
    public int? ActionTimeoutSeconds { get; set; }

    /// <summary>Whether the call ends for everyone when the flow is done.</summary>
    public bool? HangUpForEveryone { get; set; }

    /// <summary>Custom SIP headers (keys without prefix).</summary>
    public IDictionary<string, string>? SipHeaders { get; init; }

    /// <summary>Custom VoIP headers.</summary>
    public IDictionary<string, string>? VoipHeaders { get; init; }

    /// <summary>SIP user-to-user information.</summary>
    public string? Uui { get; set; }
}
