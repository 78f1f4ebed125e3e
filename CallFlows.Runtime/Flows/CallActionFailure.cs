using System.Globalization;
using System.Text.Json.Serialization;
using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>Why a call action failed, as data: the HTTP status and ACS error code of a refused request, or the result code and sub-code of a failure event.</summary>
/// <param name="Kind">Where the failure came from.</param>
/// <param name="Message">The service's message (first line).</param>
public sealed record CallActionFailure(CallActionFailureKind Kind, string Message)
{
    /// <summary>The HTTP status of a refused request (<see cref="CallActionFailureKind.Refused"/>); null otherwise.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The ACS error code of a refused request (e.g. <c>8523</c>), if the service sent one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The <c>resultInformation.code</c> of a failure event (SIP-like: 486 busy, 603 declined, 487/480 not answered).</summary>
    public int? ResultCode { get; init; }

    /// <summary>The <c>resultInformation.subCode</c> of a failure event.</summary>
    public int? SubCode { get; init; }

    /// <summary>The status a person reads first: the HTTP status of a refusal, else the event's result code.</summary>
    [JsonIgnore]
    public int? Code => HttpStatus ?? ResultCode;

    /// <summary>A failure reported by a callback event.</summary>
    /// <param name="failureEvent">The event.</param>
    /// <returns>The failure.</returns>
    public static CallActionFailure FromEvent(CallAutomationEventBase failureEvent)
    {
        ArgumentNullException.ThrowIfNull(failureEvent);
        var information = failureEvent.ResultInformation;
        return new CallActionFailure(CallActionFailureKind.Failed, information?.Message ?? failureEvent.EventType ?? "The action failed.")
        {
            ResultCode = information?.Code,
            SubCode = information?.SubCode,
        };
    }

    /// <summary>A sentence for people, e.g. <c>ACS refused the request with HTTP 404 (8522): Call not found.</c>.</summary>
    /// <returns>The sentence.</returns>
    public string Describe() => Kind switch
    {
        CallActionFailureKind.Refused => string.Create(CultureInfo.InvariantCulture,
            $"ACS refused the request with HTTP {HttpStatus}{(ErrorCode is null ? string.Empty : $" ({ErrorCode})")}: {Message}"),
        CallActionFailureKind.Failed => string.Create(CultureInfo.InvariantCulture,
            $"ACS reported the action failed with {ResultCode}/{SubCode}: {Message}"),
        _ => "The request did not reach ACS: " + Message,
    };
}
