using Microsoft.Extensions.Logging;

namespace CallFlows.Functions.Admission;

/// <summary>Log lines of admission control (7xxx; the rest of the app's ids are in <c>Diagnostics/Log.cs</c>).</summary>
internal static partial class AdmissionLog
{
    [LoggerMessage(7001, LogLevel.Warning, "Incoming-call delivery not admitted ({Limit} limit): answered {Status} with Retry-After {RetryAfterSeconds} s ({RejectedCount} turned away so far)")]
    public static partial void DeliveryNotAdmitted(ILogger logger, string limit, int status, int retryAfterSeconds, long rejectedCount);
}
