using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Admission;

/// <summary>Log lines of admission control (7xxx; the rest of the app's ids are in <c>Diagnostics/Log.cs</c>).</summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(7001, LogLevel.Warning, "Incoming-call delivery not admitted ({Limit} limit): answered {Status} with Retry-After {RetryAfterSeconds} s ({RejectedCount} turned away so far)")]
    public static partial void DeliveryNotAdmitted(ILogger logger, string limit, int status, int retryAfterSeconds, long rejectedCount);

    [LoggerMessage(7002, LogLevel.Warning, "{Path}: body of {Length} bytes refused (413); the limit is {Max} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string path, long length, long max);

    [LoggerMessage(7003, LogLevel.Warning, "{Path}: Content-Type '{ContentType}' refused (415); JSON expected")]
    public static partial void NotJson(ILogger logger, string path, string? contentType);

    [LoggerMessage(7004, LogLevel.Information, "Call of {InstanceId} answered on arrival by the webhook (call connection {CallConnectionId}); the flow takes the call from its CallConnected")]
    public static partial void AnsweredOnArrival(ILogger logger, string instanceId, string? callConnectionId);

    [LoggerMessage(7005, LogLevel.Warning, "Answer on arrival of {InstanceId} failed (HTTP {Status}: {Failure}); the flow sends the same request itself")]
    public static partial void AnswerOnArrivalFailed(ILogger logger, string instanceId, int status, string failure);

    [LoggerMessage(7008, LogLevel.Warning, "The failed answer on arrival of {InstanceId} could not be reported to its flow; the flow answers itself after its grace period")]
    public static partial void AnswerOnArrivalFailureNotRaised(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(7006, LogLevel.Warning, "Incoming call {InstanceId} rejected as busy: the instance is at its {Limit} limit for new calls")]
    public static partial void RejectedAsBusy(ILogger logger, string instanceId, string limit);

    [LoggerMessage(7009, LogLevel.Warning, "Incoming call {InstanceId} arrived while the app is stopping: answered 503 so Event Grid delivers it again")]
    public static partial void DeliveryWhileStopping(ILogger logger, string instanceId);

    [LoggerMessage(7010, LogLevel.Warning, "An incoming-call delivery arrived while the app is stopping: answered 503 so Event Grid delivers it again")]
    public static partial void WholeDeliveryWhileStopping(ILogger logger);

    [LoggerMessage(7007, LogLevel.Warning, "Busy rejection of incoming call {InstanceId} failed (HTTP {Status})")]
    public static partial void RejectBusyFailed(ILogger logger, string instanceId, int status, Exception exception);
}
