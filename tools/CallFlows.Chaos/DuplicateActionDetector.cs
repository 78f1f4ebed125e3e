using System.Text.Json;
using System.Text.Json.Nodes;
using CallFlows.Emulator.Observability;

namespace CallFlows.Chaos;

/// <summary>
/// Finds call actions performed twice in the emulator's request log. A request counts as performed when it changed
/// state: not a GET, answered 2xx, not an injected fault and not a replay of an earlier Repeatability-Request-ID (a
/// replay returns the first response and executes nothing: that is deduplication working, not a duplicate).
/// Performed requests are grouped by operation, target (call connection, or the incoming call context for
/// answer/reject/redirect, which can happen once per call) and logical action (the request body without its
/// operationContext and operationCallbackUri, so an action re-issued under new ids still counts; a hang-up has no
/// body and is one per call). A create or connect names its instance in its callbackUri, so it is once per flow.
/// </summary>
public static class DuplicateActionDetector
{
    /// <summary>
    /// Operations the spec gives no repeatability headers and that set no state the runtime can read before sending: an
    /// activity re-run after a SIGKILL between its request and its checkpoint sends them again, and nothing on this API
    /// can tell the second run that the first got through. (Hang-up finds the call gone; hold and unhold read the
    /// participant's state first; the others carry a <c>Repeatability-Request-ID</c>.)
    /// </summary>
    public static IReadOnlySet<string> WithoutRepeatability { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CallMedia_Play", "CallMedia_Recognize", "CallMedia_CancelAllMediaOperations", "CallMedia_StartContinuousDtmfRecognition",
        "CallMedia_StopContinuousDtmfRecognition", "CallMedia_StartMediaStreaming", "CallMedia_StopMediaStreaming",
        "CallMedia_StartTranscription", "CallMedia_StopTranscription", "CallMedia_UpdateTranscription",
        "CallRecording_PauseRecording", "CallRecording_ResumeRecording", "CallRecording_StopRecording",
    };

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
            .Select(g => new DuplicatedAction(g.Key.Operation, g.Key.Target, g.Key.Logical, g.Count()) { WithoutRepeatability = WithoutRepeatability.Contains(g.Key.Operation) })
            .ToList();
    }

    static (string Operation, string Target, string Logical) Identify(RecordedRequest request)
    {
        string operation = request.Operation ?? request.Method + " " + request.Path;
        if (string.IsNullOrWhiteSpace(request.RequestBody))
        {
            // Hang-up (DELETE) and terminate: once per call connection.
            return (operation, request.CallConnectionId ?? request.Path, operation);
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.RequestBody);
        }
        catch (JsonException)
        {
            // A 2xx answer to a body that is not JSON does not happen; keep the raw body as the identity.
            return (operation, request.CallConnectionId ?? request.Path, request.RequestBody);
        }

        if (body is JsonObject json)
        {
            if (json["incomingCallContext"]?.GetValue<string>() is { } incomingCallContext)
            {
                // Answer, reject and redirect act on the ringing call: once per call whatever else the request says.
                return ("IncomingCall", incomingCallContext, "answer/reject/redirect");
            }

            // The logical action is the request without what differs between two issues of "the same" action: its
            // operation context and operation callback (a re-run with new ids is still the same add, transfer...).
            json.Remove("operationContext");
            json.Remove("operationCallbackUri");
        }

        // The identity is printed in the report: relaxed escaping keeps a phone number's '+' readable.
        return (operation, request.CallConnectionId ?? request.Path, body?.ToJsonString(Readable) ?? string.Empty);
    }

    static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
