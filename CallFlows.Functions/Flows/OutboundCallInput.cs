using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using CallFlows.CallAutomation;

namespace CallFlows.Functions.Flows;

/// <summary>
/// The input of the shipped outbound sample flows: the body of <c>POST /api/calls</c> besides <c>flow</c> and
/// <c>instanceId</c> (raw ids). Checked before the flow starts: the shared rules here, each flow's own in its
/// <c>Validate</c>; a problem answers 400 naming the field.
/// </summary>
public sealed class OutboundCallInput : IValidatableObject
{
    /// <summary>The raw ids to call.</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>The caller id raw id (<c>4:+1...</c>), required for PSTN targets.</summary>
    public string? CallerId { get; set; }

    /// <summary>The display name shown to callees.</summary>
    public string? DisplayName { get; set; }

    /// <summary>For <c>ConnectCallFlow</c> (and optionally <c>HangUpForEveryone</c>): the existing call.</summary>
    public OutboundCallLocator? Locator { get; set; }

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
    public IReadOnlyDictionary<string, string>? SipHeaders { get; init; }

    /// <summary>Custom VoIP headers.</summary>
    public IReadOnlyDictionary<string, string>? VoipHeaders { get; init; }

    /// <summary>SIP user-to-user information.</summary>
    public string? Uui { get; set; }

    /// <summary>The connect timeout (60 s by default).</summary>
    [JsonIgnore]
    public TimeSpan ConnectTimeout => TimeSpan.FromSeconds(ConnectTimeoutSeconds ?? 60);

    /// <summary>The maximum connected duration (60 s by default).</summary>
    [JsonIgnore]
    public TimeSpan MaxDuration => TimeSpan.FromSeconds(MaxDurationSeconds ?? 60);

    /// <summary>The mid-call action timeout (30 s by default).</summary>
    [JsonIgnore]
    public TimeSpan ActionTimeout => TimeSpan.FromSeconds(ActionTimeoutSeconds ?? 30);

    /// <summary>How long the cancel sample lets the invitation ring (5 s by default).</summary>
    [JsonIgnore]
    public TimeSpan CancelAfter => TimeSpan.FromSeconds(CancelAfterSeconds ?? 5);

    /// <summary>The caller id as an identifier, if given.</summary>
    [JsonIgnore]
    public PhoneNumberIdentifier? CallerIdentifier => CallerId is null ? null : CommunicationIdentifier.FromRawId(CallerId) as PhoneNumberIdentifier;

    /// <summary>The targets as identifiers.</summary>
    [JsonIgnore]
    public IReadOnlyList<CommunicationIdentifier> TargetIdentifiers => (Targets ?? []).Select(CommunicationIdentifier.FromRawId).ToList();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var targets = Targets ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            if (RawIdError(targets[i]) is { } message)
            {
                yield return new ValidationResult(message, [$"targets[{i}]"]);
            }
        }

        foreach (var (field, value) in new[] { ("callerId", CallerId), ("participant", Participant), ("transferTarget", TransferTarget), ("transferee", Transferee) })
        {
            if (value is not null && RawIdError(value) is { } message)
            {
                yield return new ValidationResult(message, [field]);
            }
        }

        if (CallerId is not null && RawIdError(CallerId) is null && CommunicationIdentifier.FromRawId(CallerId) is not PhoneNumberIdentifier)
        {
            yield return new ValidationResult("'callerId' must be a phone number raw id (4:+...).", ["callerId"]);
        }

        var phones = targets.Append(Participant).Where(t => t is not null && RawIdError(t) is null).Select(t => CommunicationIdentifier.FromRawId(t!)).OfType<PhoneNumberIdentifier>();
        if (CallerId is null && phones.Any())
        {
            yield return new ValidationResult("'callerId' is required when calling or adding a phone number.", ["callerId"]);
        }

        if (Locator is not null)
        {
            if (Locator.Kind?.ToUpperInvariant() is not ("SERVERCALL" or "GROUPCALL" or "ROOM"))
            {
                yield return new ValidationResult("'locator.kind' must be serverCall, groupCall or room.", ["locator.kind"]);
            }
            else if (string.IsNullOrWhiteSpace(Locator.Id))
            {
                yield return new ValidationResult("'locator.id' is required.", ["locator.id"]);
            }
        }

        foreach (var (field, value, min, max) in new[]
        {
            ("invitationTimeoutSeconds", InvitationTimeoutSeconds, 1, 180),
            ("connectTimeoutSeconds", ConnectTimeoutSeconds, 1, 600),
            ("maxDurationSeconds", MaxDurationSeconds, 0, 86_400),
            ("cancelAfterSeconds", CancelAfterSeconds, 1, 180),
            ("actionTimeoutSeconds", ActionTimeoutSeconds, 1, 600),
        })
        {
            if (value is { } v && (v < min || v > max))
            {
                yield return new ValidationResult($"'{field}' must be between {min} and {max}.", [field]);
            }
        }

        string? headerError = null;
        string headerField = "sipHeaders";
        try
        {
            // The client's context enforces ACS's documented header limits.
            AddHeaders(new CustomCallingContext());
        }
        catch (ArgumentException exception)
        {
            headerError = exception.Message;
            headerField = VoipHeaders?.Count > 0 && exception.Message.Contains("VoIP", StringComparison.Ordinal) ? "voipHeaders" : "sipHeaders";
        }

        if (headerError is not null)
        {
            yield return new ValidationResult(headerError, [headerField]);
        }
    }

    /// <summary>The existing call to join, if a valid locator was given.</summary>
    /// <returns>The locator, or null.</returns>
    public CallLocator? LocatorOrNull() => Locator?.Kind?.ToUpperInvariant() switch
    {
        _ when string.IsNullOrWhiteSpace(Locator?.Id) => null,
        "SERVERCALL" => new ServerCallLocator(Locator!.Id!),
        "GROUPCALL" => new GroupCallLocator(Locator!.Id!),
        "ROOM" => new RoomCallLocator(Locator!.Id!),
        _ => null,
    };

    /// <summary>Copies the request's custom headers (SIP keys without prefix, UUI, VoIP) into a context.</summary>
    /// <param name="context">The context to fill.</param>
    public void AddHeaders(CustomCallingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, value) in SipHeaders ?? new Dictionary<string, string>())
        {
            context.AddSipX(key, value);
        }

        if (Uui is not null)
        {
            context.AddSipUui(Uui);
        }

        foreach (var (key, value) in VoipHeaders ?? new Dictionary<string, string>())
        {
            context.AddVoip(key, value);
        }
    }

    private static string? RawIdError(string? rawId)
    {
        if (string.IsNullOrWhiteSpace(rawId))
        {
            return "A raw id must not be empty.";
        }

        return CommunicationIdentifier.FromRawId(rawId) is UnknownIdentifier
            ? $"'{rawId}' is not a recognized raw id (4:+E164, 8:acs:..., 8:orgid:..., 28:orgid:...)."
            : null;
    }
}
