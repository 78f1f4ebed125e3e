namespace CallFlows.Runtime.Viewer;

/// <summary>One line of a call's merged timeline of actions and events.</summary>
/// <param name="Time">When it happened (UTC): the request was scheduled, the event raised, the timer fired.</param>
/// <param name="Kind">What the line records.</param>
/// <param name="Name">The action, event or flow step (e.g. <c>AnswerCall</c>, <c>CallConnected</c>).</param>
/// <param name="Status">How it ended: <c>Succeeded</c>, <c>Failed</c>, <c>Pending</c> for an action; the event's outcome; the flow status.</param>
public sealed record CallTimelineEntry(DateTimeOffset Time, CallTimelineKind Kind, string Name, string? Status)
{
    /// <summary>When an action's request ended; null for events and pending actions.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The ACS result code (an event's <c>resultInformation.code</c>, or the HTTP status of a refused request).</summary>
    public int? ResultCode { get; init; }

    /// <summary>The ACS result sub code.</summary>
    public int? ResultSubCode { get; init; }

    /// <summary>The ACS message or the failure message.</summary>
    public string? Message { get; init; }

    /// <summary>The operation context that ties an event to the action that caused it.</summary>
    public string? OperationContext { get; init; }

    /// <summary>The call connection the line is about.</summary>
    public string? CallConnectionId { get; init; }
}
