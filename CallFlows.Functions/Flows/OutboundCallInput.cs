using CallFlows.Functions.Actions;

namespace CallFlows.Functions.Flows;

/// <summary>The input of the outbound flows (built from a validated <c>POST /api/calls</c> body).</summary>
public sealed record OutboundCallInput
{
    /// <summary>The raw ids to call (PSTN <c>4:+1...</c>, ACS users <c>8:acs:...</c>).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>The caller id raw id (<c>4:+1...</c>) for PSTN targets and participants.</summary>
    public string? CallerId { get; init; }

    /// <summary>The display name shown to callees.</summary>
    public string? DisplayName { get; init; }

    /// <summary>For connecting to an existing call: which kind of call.</summary>
    public CallLocatorKind? LocatorKind { get; init; }

    /// <summary>For connecting to an existing call: its id.</summary>
    public string? LocatorId { get; init; }

    /// <summary>The participant to add, cancel or remove.</summary>
    public string? Participant { get; init; }

    /// <summary>Where a transfer goes.</summary>
    public string? TransferTarget { get; init; }

    /// <summary>Who is transferred in a group call.</summary>
    public string? Transferee { get; init; }

    /// <summary>How long an add-participant invitation rings (1–180 s); null leaves it to ACS.</summary>
    public int? InvitationTimeoutSeconds { get; init; }

    /// <summary>How long to wait for the call to connect; 60 s by default.</summary>
    public int ConnectTimeoutSeconds { get; init; } = 60;

    /// <summary>How long a connected call is kept before the flow ends it; 60 s by default.</summary>
    public int MaxDurationSeconds { get; init; } = 60;

    /// <summary>How long the cancel sample lets the invitation ring before cancelling it; 5 s by default.</summary>
    public int CancelAfterSeconds { get; init; } = 5;

    /// <summary>How long to wait for the outcome of a mid-call action; 30 s by default.</summary>
    public int ActionTimeoutSeconds { get; init; } = 30;

    /// <summary>Whether the flow ends the call for everyone when it is done; null lets each flow choose.</summary>
    public bool? HangUpForEveryone { get; init; }

    /// <summary>Custom SIP headers, keys without prefix (sent as <c>X-MS-Custom-{key}</c>).</summary>
    public IReadOnlyDictionary<string, string>? SipHeaders { get; init; }

    /// <summary>Custom VoIP headers.</summary>
    public IReadOnlyDictionary<string, string>? VoipHeaders { get; init; }

    /// <summary>SIP user-to-user information.</summary>
    public string? Uui { get; init; }
}
