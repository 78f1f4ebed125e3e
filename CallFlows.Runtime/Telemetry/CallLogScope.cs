using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Telemetry;

/// <summary>
/// The log scope every line about a call carries: instance id, call connection id, server call id and correlation id
/// (the ids an ACS support case asks for). Empty values are left out so a log line never shows a blank id.
/// </summary>
internal static class CallLogScope
{
    /// <summary>Begins the scope.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <param name="callConnectionId">The call connection id, if known.</param>
    /// <param name="serverCallId">The server call id, if known.</param>
    /// <param name="correlationId">The ACS correlation id, if known.</param>
    /// <returns>The scope to dispose.</returns>
    public static IDisposable? Begin(ILogger logger, string? instanceId, string? callConnectionId = null, string? serverCallId = null, string? correlationId = null)
    {
        var state = new List<KeyValuePair<string, object?>>(4);
        Add(state, "InstanceId", instanceId);
        Add(state, "CallConnectionId", callConnectionId);
        Add(state, "ServerCallId", serverCallId);
        Add(state, "CorrelationId", correlationId);
        return state.Count == 0 ? null : logger.BeginScope(state);
    }

    private static void Add(List<KeyValuePair<string, object?>> state, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            state.Add(new KeyValuePair<string, object?>(key, value));
        }
    }
}
