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
}
