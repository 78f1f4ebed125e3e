using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>The orchestration input of an inbound flow: the call, the rule that routed it and the rule's settings.</summary>
/// <typeparam name="TSettings">The flow's settings type (the webhook writes the bound settings object).</typeparam>
/// <param name="IncomingCall">The call from the Event Grid IncomingCall event.</param>
/// <param name="Route">The matching rule's <c>Called</c> pattern, or <c>unrouted</c>.</param>
/// <param name="Settings">The rule's settings.</param>
/// <param name="AnsweredOnArrivalAt">
/// When the webhook answered the call on the flow's behalf (<see cref="CallFlowAttribute.AnswerOnArrival"/>): the
/// answer's <c>Repeatability-First-Sent</c>, which the flow's own answer repeats; null when the flow answers alone.
/// </param>
/// <param name="RootSpanId">The span id of the webhook's span for this call, the root of the call's trace; null when not traced.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record InboundFlowInput<TSettings>(IncomingCall IncomingCall, string Route, TSettings? Settings, DateTimeOffset? AnsweredOnArrivalAt = null, string? RootSpanId = null)
    where TSettings : class
{
    /// <summary>The history layout the webhook that started the instance wrote it for (<see cref="CurrentHistoryVersion"/>).</summary>
    /// <remarks>
    /// Version 1: the flow takes an answered-on-arrival call from the <c>CallConnected</c> of the webhook's answer instead
    /// of sending the answer activity, and a wait reuses a timer that an earlier wait left pending instead of creating one.
    /// Version 2: a 1:1 transfer whose call's <c>CallDisconnected</c> is delivered before the transfer's own result waits
    /// for that result before it reports the call as ended (a durable timer the earlier versions did not create).
    /// Instances started before (version 0, the property absent) replay their history as they recorded it.
    /// </remarks>
    public int HistoryVersion { get; init; }

    /// <summary>The history version webhooks of this runtime write.</summary>
    public const int CurrentHistoryVersion = 2;
}
