using CallFlows.CallAutomation;

namespace CallFlows.Functions.Runtime;

/// <summary>The outcome of a call action or wait in a flow.</summary>
public record CallFlowActionResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="status">How the action ended.</param>
    public CallFlowActionResult(CallFlowActionStatus status)
    {
        Status = status;
    }

    /// <summary>How the action ended.</summary>
    public CallFlowActionStatus Status { get; }

    /// <summary>The ACS result code (event <c>resultInformation.code</c>, or the HTTP status when the request was refused).</summary>
    public int? ResultCode { get; init; }

    /// <summary>The ACS result sub code.</summary>
    public int? ResultSubCode { get; init; }

    /// <summary>The ACS message, or the failure message of a refused request.</summary>
    public string? Message { get; init; }

    /// <summary>The callback event that decided the outcome (success or failure event); null for timeouts and refused requests.</summary>
    public CallAutomationEventBase? Event { get; init; }

    /// <summary>Whether the action succeeded.</summary>
    public bool Succeeded => Status == CallFlowActionStatus.Succeeded;

    /// <summary>A result decided by a callback event.</summary>
    /// <param name="status">Succeeded or Failed.</param>
    /// <param name="callbackEvent">The event.</param>
    /// <returns>The result.</returns>
    public static CallFlowActionResult FromEvent(CallFlowActionStatus status, CallAutomationEventBase callbackEvent)
    {
        ArgumentNullException.ThrowIfNull(callbackEvent);
        return new CallFlowActionResult(status)
        {
            Event = callbackEvent,
            ResultCode = callbackEvent.ResultInformation?.Code,
            ResultSubCode = callbackEvent.ResultInformation?.SubCode,
            Message = callbackEvent.ResultInformation?.Message,
        };
    }

    /// <inheritdoc />
    public override string ToString() => ResultCode is null ? Status.ToString() : $"{Status} ({ResultCode}/{ResultSubCode}) {Message}".TrimEnd();
}
