using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Viewer;

/// <summary>Log lines of the call viewer and its API.</summary>
internal static partial class ViewerLog
{
    [LoggerMessage(9001, LogLevel.Information, "Call view requested for unknown instance {InstanceId} (404)")]
    public static partial void UnknownInstance(ILogger logger, string instanceId);

    [LoggerMessage(9002, LogLevel.Information, "No orchestration history for {InstanceId} ({Reason}): the timeline holds the custom status entries")]
    public static partial void HistoryUnavailable(ILogger logger, string instanceId, string reason);

    [LoggerMessage(9003, LogLevel.Warning, "Call list request refused (400): {Reason}")]
    public static partial void ListRequestRefused(ILogger logger, string reason);

    [LoggerMessage(9004, LogLevel.Warning, "Call list unavailable (501): {Reason}")]
    public static partial void ListUnsupported(ILogger logger, string reason);
}
