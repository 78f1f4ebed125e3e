
namespace CallFlows.LocalHost;

/// <summary>Source-generated log messages of the local host; event ids are stable (1xxx engine, 2xxx functions, 3xxx HTTP, 4xxx Azurite).</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Durable Task engine started: task hub '{TaskHub}', worker '{WorkerId}', settings from {SettingsSource}, {Orchestrators} orchestrator(s), {Activities} activity(ies)")]
    public static partial void EngineStarted(this ILogger logger, string taskHub, string workerId, string settingsSource, int orchestrators, int activities);

    [LoggerMessage(1002, LogLevel.Information, "Durable Task engine stopped: task hub '{TaskHub}'")]
    public static partial void EngineStopped(this ILogger logger, string taskHub);

    [LoggerMessage(1003, LogLevel.Information, "Task hub '{TaskHub}' deleted on shutdown")]
    public static partial void TaskHubDeleted(this ILogger logger, string taskHub);

    [LoggerMessage(1004, LogLevel.Warning, "Deleting task hub '{TaskHub}' failed")]
    public static partial void TaskHubDeleteFailed(this ILogger logger, Exception exception, string taskHub);

    [LoggerMessage(1005, LogLevel.Warning, "No function is registered for orchestration '{Name}'")]
    public static partial void UnknownOrchestration(this ILogger logger, string name);

    [LoggerMessage(1006, LogLevel.Warning, "No function is registered for activity '{Name}'")]
    public static partial void UnknownActivity(this ILogger logger, string name);

    [LoggerMessage(1007, LogLevel.Warning, "Durable Task engine of task hub '{TaskHub}' did not stop within {Timeout}; leases expire on their own")]
    public static partial void EngineStopTimedOut(this ILogger logger, string taskHub, TimeSpan timeout);

    [LoggerMessage(2001, LogLevel.Information, "Hosting {Kind} function '{Name}' ({Method})")]
    public static partial void FunctionHosted(this ILogger logger, string kind, string name, string method);

    [LoggerMessage(2002, LogLevel.Warning, "Function '{Name}' ({Method}) is not hosted locally: {Reason}")]
    public static partial void FunctionNotHosted(this ILogger logger, string name, string method, string reason);

    [LoggerMessage(2003, LogLevel.Information, "Timer function '{Name}' runs on schedule '{Schedule}' (UTC)")]
    public static partial void TimerFunctionScheduled(this ILogger logger, string name, string schedule);

    [LoggerMessage(2004, LogLevel.Error, "Timer function '{Name}' failed; its schedule goes on")]
    public static partial void TimerFunctionFailed(this ILogger logger, Exception exception, string name);

    [LoggerMessage(3001, LogLevel.Information, "HTTP function '{Name}' mapped at {Methods} {Route}")]
    public static partial void HttpFunctionMapped(this ILogger logger, string name, string methods, string route);

    [LoggerMessage(3002, LogLevel.Error, "HTTP function '{Name}' failed; answering 500")]
    public static partial void HttpFunctionFailed(this ILogger logger, Exception exception, string name);

    [LoggerMessage(3003, LogLevel.Information, "Local host listening on {BaseAddress}")]
    public static partial void Listening(this ILogger logger, Uri baseAddress);

    [LoggerMessage(3004, LogLevel.Warning, "Durable HTTP API request answered {Status}: {Reason}")]
    public static partial void ManagementRequestRejected(this ILogger logger, int status, string reason);

    [LoggerMessage(4001, LogLevel.Information, "Reusing Azurite already listening on 127.0.0.1 (blob {BlobPort}, queue {QueuePort}, table {TablePort})")]
    public static partial void AzuriteReused(this ILogger logger, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(4002, LogLevel.Information, "Started Azurite (pid {ProcessIds}) on 127.0.0.1 (blob {BlobPort}, queue {QueuePort}, table {TablePort}), data in {Location}")]
    public static partial void AzuriteStarted(this ILogger logger, string processIds, int blobPort, int queuePort, int tablePort, string location);

    [LoggerMessage(4003, LogLevel.Information, "Stopped Azurite (pid {ProcessIds})")]
    public static partial void AzuriteStopped(this ILogger logger, string processIds);

    [LoggerMessage(4004, LogLevel.Debug, "azurite: {Line}")]
    public static partial void AzuriteOutput(this ILogger logger, string line);
}
