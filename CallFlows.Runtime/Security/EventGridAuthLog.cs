using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Security;

/// <summary>Log lines of the Event Grid Microsoft Entra authentication.</summary>
internal static partial class EventGridAuthLog
{
    [LoggerMessage(8001, LogLevel.Warning, "Event Grid delivery to {Path} refused (401): {Reason}")]
    public static partial void DeliveryRefused(ILogger logger, string path, string reason);

    [LoggerMessage(8002, LogLevel.Error, "Microsoft Entra signing keys could not be read from {Url}")]
    public static partial void SigningKeysUnavailable(ILogger logger, Uri url, Exception exception);
}
