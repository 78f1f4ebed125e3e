using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Diagnostics;

/// <summary>
/// Every log line of the app, source-generated with stable event ids: 1xxx activities, 2xxx flow runtime,
/// 3xxx incoming-call webhook, 4xxx callbacks, 5xxx call start/status API, 6xxx callback security.
/// </summary>
internal static partial class Log
{
    public static void ActionCompleted(ILogger logger, string action, string? operationContext) => ActionCompletedText(logger, action, Context(operationContext));

    [LoggerMessage(1001, LogLevel.Information, "Call action {Action} accepted by ACS ({OperationContext})")]
    private static partial void ActionCompletedText(ILogger logger, string action, string operationContext);

    public static void ActionFailed(ILogger logger, string action, string? operationContext, int status, string? errorCode, Exception exception) =>
        ActionFailedText(logger, action, Context(operationContext), status, errorCode ?? "no error code", exception);

    [LoggerMessage(1002, LogLevel.Warning, "Call action {Action} failed with HTTP {Status} ({ErrorCode}; {OperationContext})")]
    private static partial void ActionFailedText(ILogger logger, string action, string operationContext, int status, string errorCode, Exception exception);

    [LoggerMessage(1004, LogLevel.Information, "Call action {Action} sent nothing: participant {Participant} is already {State} ({OperationContext}); hold and unhold have no repeatability, so a re-run of the activity checks the state first")]
    public static partial void HoldStateAlreadyReached(ILogger logger, string action, string participant, string state, string operationContext);

    [LoggerMessage(1003, LogLevel.Error, "Flow {Flow} ({InstanceId}) failed while call {CallConnectionId} was connected: {Cause}. The call is ended ({Disposition})")]
    public static partial void FlowFailedWithCallConnected(ILogger logger, string instanceId, string callConnectionId, string flow, string cause, string disposition);

    [LoggerMessage(2001, LogLevel.Information, "Flow {Flow} ({InstanceId}) started action {Action} (operation context {OperationContext})")]
    public static partial void ActionStarted(ILogger logger, string flow, string instanceId, string action, string operationContext);

    [LoggerMessage(2002, LogLevel.Warning, "Flow {Flow} ({InstanceId}): action {Action} was refused: {Failure}")]
    public static partial void ActionRefused(ILogger logger, string flow, string instanceId, string action, string failure);

    [LoggerMessage(2003, LogLevel.Information, "Flow {Flow} ({InstanceId}): action {Action} ended: {Outcome}")]
    public static partial void ActionFinished(ILogger logger, string flow, string instanceId, string action, string outcome);

    [LoggerMessage(2004, LogLevel.Information, "Flow {Flow} ({InstanceId}): duplicate callback {EventType} {EventId} dropped")]
    public static partial void DuplicateEventDropped(ILogger logger, string flow, string instanceId, string eventType, string eventId);

    [LoggerMessage(2005, LogLevel.Information, "Flow {Flow} ({InstanceId}): callback {EventType} for finished action {Action} dropped")]
    public static partial void LateEventDropped(ILogger logger, string flow, string instanceId, string eventType, string action);

    public static void UnmatchedEventIgnored(ILogger logger, string flow, string instanceId, string eventType, string? operationContext) =>
        UnmatchedEventIgnoredText(logger, flow, instanceId, eventType, Context(operationContext));

    [LoggerMessage(2006, LogLevel.Information, "Flow {Flow} ({InstanceId}): callback {EventType} ({OperationContext}) matches no pending action; ignored")]
    private static partial void UnmatchedEventIgnoredText(ILogger logger, string flow, string instanceId, string eventType, string operationContext);

    [LoggerMessage(2007, LogLevel.Warning, "Flow {Flow} ({InstanceId}): callback {EventType} could not be read: {Message}")]
    public static partial void MalformedEnvelope(ILogger logger, string flow, string instanceId, string eventType, string message);

    public static void FlowCompleted(ILogger logger, string flow, string instanceId, string result, bool succeeded, string description) =>
        FlowCompletedText(logger, flow, instanceId, result, succeeded ? "succeeded" : "did not succeed", string.IsNullOrEmpty(description) ? string.Empty : ": " + description);

    [LoggerMessage(2008, LogLevel.Information, "Flow {Flow} ({InstanceId}) completed: {Result}, {Succeeded}{Description}")]
    private static partial void FlowCompletedText(ILogger logger, string flow, string instanceId, string result, string succeeded, string description);

    [LoggerMessage(2009, LogLevel.Warning, "Flow {Flow} ({InstanceId}): an event raised as {EventName} is not a callback envelope and is ignored: {Reason}")]
    public static partial void MalformedSelfEvent(ILogger logger, string flow, string instanceId, string eventName, string reason);

    [LoggerMessage(2014, LogLevel.Warning, "Flow {Flow} ({InstanceId}): action {Action} ({OperationContext}) received the result of another action ({Answered}), an activity of an episode lost in a crash; sending it again")]
    public static partial void StaleActionResult(ILogger logger, string flow, string instanceId, string action, string operationContext, string answered);

    [LoggerMessage(2010, LogLevel.Warning, "Flow {Flow} ({InstanceId}): action {Action} could not reach ACS ({Failure}); retry {Attempt} in {Delay}")]
    public static partial void ActionRetrying(ILogger logger, string flow, string instanceId, string action, string failure, int attempt, TimeSpan delay);

    [LoggerMessage(2013, LogLevel.Warning, "Flow {Flow} ({InstanceId}): no CallConnected for the answer the webhook sent on its behalf ({Reason}); sending the same answer itself")]
    public static partial void AnswerOnArrivalNotSeen(ILogger logger, string flow, string instanceId, string reason);

    [LoggerMessage(2011, LogLevel.Error, "Flow {Flow} ({InstanceId}) threw {ExceptionType} while call {CallConnectionId} was connected: {Message}; ending the call")]
    public static partial void FlowThrewWithCallConnected(ILogger logger, string flow, string instanceId, string? callConnectionId, string exceptionType, string message);

    [LoggerMessage(6001, LogLevel.Error, "The callback signing keys could not be fetched from {OpenIdConfigurationUrl}")]
    public static partial void SigningKeysUnavailable(ILogger logger, Uri openIdConfigurationUrl, Exception exception);

    [LoggerMessage(3001, LogLevel.Warning, "Incoming-call delivery refused (400): {Reason}")]
    public static partial void MalformedDelivery(ILogger logger, string reason);

    [LoggerMessage(3002, LogLevel.Information, "Event Grid subscription validation {EventId} answered")]
    public static partial void SubscriptionValidated(ILogger logger, string eventId);

    [LoggerMessage(3003, LogLevel.Warning, "Incoming-call delivery refused (400): unknown event type {EventType} ({EventId})")]
    public static partial void UnknownEventType(ILogger logger, string eventType, string eventId);

    [LoggerMessage(3004, LogLevel.Warning, "Call to {Callee} from {Caller} matches no routing rule: rejecting ({RejectReason})")]
    public static partial void UnroutedCall(ILogger logger, string? callee, string? caller, CallFlows.CallAutomation.CallRejectReason rejectReason);

    [LoggerMessage(3005, LogLevel.Information, "Incoming call {InstanceId} scheduled: flow {Flow}, route {Route}, callee {Callee}, caller {Caller}")]
    public static partial void IncomingCallScheduled(ILogger logger, string instanceId, string flow, string route, string? callee, string? caller);

    [LoggerMessage(3006, LogLevel.Information, "Incoming call {InstanceId} already has its flow (redelivery of event {EventId}): nothing started")]
    public static partial void DuplicateIncomingCall(ILogger logger, string instanceId, string? eventId);

    [LoggerMessage(3007, LogLevel.Information, "CloudEvents webhook handshake answered for origin {Origin}")]
    public static partial void CloudEventsHandshake(ILogger logger, string origin);

    [LoggerMessage(4001, LogLevel.Warning, "Callback for {InstanceId} refused: token {Failure} ({Detail})")]
    public static partial void CallbackUnauthenticated(ILogger logger, string instanceId, CallFlows.Runtime.Security.CallbackTokenFailure failure, string? detail);

    [LoggerMessage(4002, LogLevel.Warning, "Callback for {InstanceId} refused (400): {Reason}")]
    public static partial void MalformedCallback(ILogger logger, string instanceId, string reason);

    [LoggerMessage(4003, LogLevel.Warning, "Callback with {Count} event(s) for unknown instance {InstanceId} (404)")]
    public static partial void CallbackForUnknownInstance(ILogger logger, string instanceId, int count);

    [LoggerMessage(4007, LogLevel.Information, "Callback with {Count} event(s) for {InstanceId} held {WaitedMs} ms until its flow started")]
    public static partial void CallbackHeldUntilStarted(ILogger logger, string instanceId, int count, long waitedMs);

    [LoggerMessage(4008, LogLevel.Warning, "Callback with {Count} event(s) for {InstanceId} refused (503): its flow has not started after {WaitedMs} ms")]
    public static partial void CallbackBeforeStart(ILogger logger, string instanceId, int count, long waitedMs);

    [LoggerMessage(4009, LogLevel.Warning, "Callback with {Count} event(s) for {InstanceId} raised while its flow still reads Pending after {WaitedMs} ms, to wake a flow whose status row fell behind its history in a crash; held until the flow runs")]
    public static partial void CallbackWakesPendingInstance(ILogger logger, string instanceId, int count, long waitedMs);

    [LoggerMessage(4010, LogLevel.Information, "Callback with {Count} event(s) for {InstanceId} raised: its flow runs although its status row still reads Pending (the row fell behind its history in a crash)")]
    public static partial void CallbackForRunningFlowReadAsPending(ILogger logger, string instanceId, int count);

    [LoggerMessage(4004, LogLevel.Information, "Callback {EventType} ({EventId}) for {InstanceId} arrived after the flow ended ({RuntimeStatus}): ignored")]
    public static partial void CallbackAfterCompletion(ILogger logger, string instanceId, Microsoft.DurableTask.Client.OrchestrationRuntimeStatus runtimeStatus, string eventType, string eventId);

    [LoggerMessage(4005, LogLevel.Warning, "Callback for {InstanceId} has an event type this app does not model: {EventType} ({EventId}); raised for the record")]
    public static partial void UnknownCallbackType(ILogger logger, string instanceId, string eventType, string eventId);

    public static void CallbackRaised(ILogger logger, string instanceId, string eventType, string eventId, string? operationContext) =>
        CallbackRaisedText(logger, instanceId, eventType, eventId, Context(operationContext));

    [LoggerMessage(4006, LogLevel.Debug, "Callback {EventType} ({EventId}, {OperationContext}) raised into {InstanceId}")]
    private static partial void CallbackRaisedText(ILogger logger, string instanceId, string eventType, string eventId, string operationContext);

    [LoggerMessage(5001, LogLevel.Warning, "Start request refused (400): field {Field}: {Reason}")]
    public static partial void InvalidStartRequest(ILogger logger, string field, string reason);

    [LoggerMessage(5002, LogLevel.Information, "Outbound flow {Flow} scheduled as {InstanceId}")]
    public static partial void OutboundCallScheduled(ILogger logger, string instanceId, string flow);

    [LoggerMessage(5003, LogLevel.Information, "Start request for existing instance {InstanceId} ({Flow}): returning it")]
    public static partial void StartRequestRepeated(ILogger logger, string instanceId, string flow);

    [LoggerMessage(5004, LogLevel.Information, "Call status requested for unknown instance {InstanceId} (404)")]
    public static partial void StatusForUnknownInstance(ILogger logger, string instanceId);

    [LoggerMessage(5005, LogLevel.Error, "Flow {Flow} could not be scheduled as {InstanceId}; the request fails so the sender retries")]
    public static partial void SchedulingFailed(ILogger logger, string instanceId, string flow, Exception exception);

    // Log lines read as prose: "operation context X" or "no operation context", never "(null)".
    private static string Context(string? operationContext) =>
        string.IsNullOrEmpty(operationContext) ? "no operation context" : "operation context " + operationContext;

    [LoggerMessage(2012, LogLevel.Warning, "Flow {Flow} ({InstanceId}): server call {ServerCallId} already has a recording owner; its recording files go there ({Reason})")]
    public static partial void RecordingOwnerNotIndexed(ILogger logger, string flow, string instanceId, string serverCallId, string reason);

    [LoggerMessage(3008, LogLevel.Information, "Recording file of server call {ServerCallId} ({EventId}) raised into {InstanceId}")]
    public static partial void RecordingFileRouted(ILogger logger, string serverCallId, string eventId, string instanceId);

    [LoggerMessage(3009, LogLevel.Information, "Recording file of server call {ServerCallId} ({EventId}) has no recording flow here: ignored")]
    public static partial void RecordingFileUnowned(ILogger logger, string? serverCallId, string eventId);
}
