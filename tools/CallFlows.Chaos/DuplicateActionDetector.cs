using System.Text.Json;
using CallFlows.Emulator.Observability;

namespace CallFlows.Chaos;

/// <summary>
/// Finds call actions performed twice in the emulator's request log. A request counts as performed when it changed
/// state: not a GET, answered 2xx, not an injected fault and not a replay of an earlier Repeatability-Request-ID (a
/// replay returns the first response and executes nothing: that is deduplication working, not a duplicate).
/// Performed requests are grouped by operation, target (call connection, or the incoming call context for
/// answer/reject/redirect, which can happen once per call) and logical action (the operationContext the flow gives
/// every action; a hang-up has none and is one per call).
/// </summary>
public static class DuplicateActionDetector
{
    /// <summary>Finds the duplicated actions.</summary>
    /// <param name="requests">The emulator's request log entries.</param>
    /// <returns>Every logical action performed more than once.</returns>
    public static IReadOnlyList<DuplicatedAction> Find(IEnumerable<RecordedRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return requests
            .Where(r => !string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase) && r.Status is >= 200 and < 300 && !r.IsReplay && !r.IsInjectedFault
                && r.Path.StartsWith("/calling", StringComparison.OrdinalIgnoreCase))
            .Select(r => Identify(r))
            .GroupBy(k => k)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicatedAction(g.Key.Operation, g.Key.Target, g.Key.Logical, g.Count()))
            .ToList();
    }

    static (string Operation, string Target, string Logical) Identify(RecordedRequest request)
    {
        string operation = request.Operation ?? request.Method + " " + request.Path;
        string? incomingCallContext = null;
        string? operationContext = null;
        if (!string.IsNullOrWhiteSpace(request.RequestBody))
        {
            try
            {
                using var json = JsonDocument.Parse(request.RequestBody);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    incomingCallContext = json.RootElement.TryGetProperty("incomingCallContext", out JsonElement c) ? c.GetString() : null;
                    operationContext = json.RootElement.TryGetProperty("operationContext", out JsonElement o) ? o.GetString() : null;
                }
            }
            catch (JsonException)
            {
                // A 2xx answer to a body that is not JSON does not happen; keep the raw body as the identity.
                operationContext = request.RequestBody;
            }
        }

        if (incomingCallContext is not null)
        {
            // Answer, reject and redirect act on the ringing call: once per call whatever the operation context.
            return ("IncomingCall", incomingCallContext, "answer/reject/redirect");
        }

        return (operation, request.CallConnectionId ?? request.Path, operationContext ?? operation);
    }
}
