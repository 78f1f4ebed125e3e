using System.Text.RegularExpressions;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// The logger factory handed to the Azure Storage provider, with one message moved from Warning to Debug: "Discarding N
/// dequeued history event(s): Instance is Completed" (or Failed, Terminated, Canceled). For call flows that message is
/// normal, not a problem: ACS sends <c>CallDisconnected</c> or <c>ParticipantsUpdated</c> right after a flow's last
/// hang-up, the callback endpoint finds the flow still running a few milliseconds before it completes, raises the event,
/// and the provider drops it when it reaches the finished instance. Every other discard reason (an instance that does
/// not exist, a split brain, a running instance) stays a Warning.
/// </summary>
internal sealed partial class LateEventLogFilter(ILoggerFactory inner) : ILoggerFactory
{
    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new FilteringLogger(inner.CreateLogger(categoryName));

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The factory is owned by the host; disposing the filter leaves it alone.</summary>
    public void Dispose()
    {
    }

    /// <summary>Whether <paramref name="message"/> is the provider's discard of events that reached a finished instance.</summary>
    internal static bool IsLateEventDiscard(string message) => LateDiscard().IsMatch(message);

    [GeneratedRegex(@"Discarding \d+ dequeued history event\(s\): Instance is (Completed|Failed|Terminated|Canceled)\b")]
    private static partial Regex LateDiscard();

    private sealed class FilteringLogger(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && IsLateEventDiscard(formatter(state, exception)))
            {
                logLevel = LogLevel.Debug;
                if (!logger.IsEnabled(logLevel))
                {
                    return;
                }
            }

            logger.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
