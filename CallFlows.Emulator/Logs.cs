
namespace CallFlows.Emulator;

/// <summary>The emulator's log messages, with stable event ids (1xxx REST, 2xxx callbacks, 3xxx Event Grid, 4xxx host).</summary>
internal static partial class Logs
{
    public static void RequestHandled(ILogger logger, string method, string path, int status, string? errorCode) =>
        RequestHandledText(logger, method, path, status, errorCode is null ? string.Empty : " (" + errorCode + ")");

    [LoggerMessage(1001, LogLevel.Information, "{Method} {Path} answered {Status}{ErrorCode}")]
    private static partial void RequestHandledText(ILogger logger, string method, string path, int status, string errorCode);

    [LoggerMessage(1002, LogLevel.Warning, "{Method} {Path} rejected with 401: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string method, string path, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "{Method} {Path} rejected with 400: {Reason}")]
    public static partial void BadRequest(ILogger logger, string method, string path, string reason);

    [LoggerMessage(1004, LogLevel.Error, "{Method} {Path} failed inside the emulator")]
    public static partial void RequestCrashed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(1005, LogLevel.Error, "A scheduled simulation step (ring, answer, hang-up, timeout) failed")]
    public static partial void SimulationStepFailed(ILogger logger, Exception exception);

    public static void CallbackAttempt(ILogger logger, string eventType, string callConnectionId, Uri target, int attempt, int? status, string outcome) =>
        CallbackAttemptText(logger, eventType, callConnectionId, target, attempt, Answer(status), outcome);

    [LoggerMessage(2001, LogLevel.Information, "Callback {EventType} of call {CallConnectionId} to {Target}: attempt {Attempt}, {Status}, {Outcome}")]
    private static partial void CallbackAttemptText(ILogger logger, string eventType, string callConnectionId, Uri target, int attempt, string status, string outcome);

    [LoggerMessage(2002, LogLevel.Error, "Callback queue of call {CallConnectionId} stopped unexpectedly")]
    public static partial void CallbackQueueCrashed(ILogger logger, Exception exception, string callConnectionId);

    public static void EventGridAttempt(ILogger logger, string eventType, string eventId, Uri target, int attempt, int? status, string outcome) =>
        EventGridAttemptText(logger, eventType, eventId, target, attempt, Answer(status), outcome);

    [LoggerMessage(3001, LogLevel.Information, "Event Grid {EventType} {EventId} to {Target}: delivery {Attempt}, {Status}, {Outcome}")]
    private static partial void EventGridAttemptText(ILogger logger, string eventType, string eventId, Uri target, int attempt, string status, string outcome);

    [LoggerMessage(3002, LogLevel.Warning, "Event Grid webhook {Target} failed the subscription validation handshake: {Reason}")]
    public static partial void EventGridValidationFailed(ILogger logger, Uri target, string reason);

    [LoggerMessage(3003, LogLevel.Information, "Event Grid webhook {Target} validated as subscription {Name}")]
    public static partial void EventGridValidated(ILogger logger, Uri target, string name);

    [LoggerMessage(4001, LogLevel.Information, "ACS emulator listening on {Endpoint} (resource {ResourceId})")]
    public static partial void Started(ILogger logger, Uri endpoint, Guid resourceId);

    // "answered 429" or "no answer" (connection failure, timeout, not sent), never "status (null)".
    private static string Answer(int? status) =>
        status is { } code ? "answered " + code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer";
}
