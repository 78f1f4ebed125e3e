using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Resilience;

/// <summary>Keeps every log line of a host (category, level, event id, message) so a test can see what a request logged.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    readonly ConcurrentQueue<CapturedLog> lines = new();

    public IReadOnlyList<CapturedLog> Lines => this.lines.ToArray();

    public int Count => this.lines.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message);

    sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (this.IsEnabled(logLevel))
            {
                owner.lines.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception)));
            }
        }
    }
}
