using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace CallFlows.Runtime.Telemetry;

/// <summary>
/// The W3C trace context of one call. The trace id is derived from the orchestration instance id alone: every part of
/// the call — the webhook or start request, each activity, each callback request — knows the instance id, so each
/// finds the call's trace without any storage read, and a replay or a re-executed activity lands in the same trace.
/// The call's root span is the span of the request that started it (the Event Grid delivery or <c>POST /api/calls</c>);
/// its span id travels with the call — in the flow's input, in every action's identity and in the callback URL
/// (<see cref="CallbackQueryParameter"/>) — so every later span of the call is its child. A call started without it
/// (through the Durable Functions API, or with nobody listening when it started) has its spans at the top of its trace.
/// </summary>
internal static class CallTraceContext
{
    /// <summary>The call's trace context: trace id = the first 16 bytes of SHA-256("callflows-trace\n" + instance id), sampled.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <returns>The parent context to start the call's spans with; <c>default</c> for an empty id.</returns>
    public static ActivityContext ForInstance(string? instanceId)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            return default;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("callflows-trace\n" + instanceId), hash);
        return new ActivityContext(ActivityTraceId.CreateFromBytes(hash[..16]), default, ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>The call's trace id.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <returns>The trace id.</returns>
    public static ActivityTraceId TraceId(string instanceId) => ForInstance(instanceId).TraceId;

    /// <summary>The callback URL's query parameter carrying the root span id (telemetry only: not part of the URL proof).</summary>
    public const string CallbackQueryParameter = "tp";

    /// <summary>The call's trace context with its root span as the parent.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <param name="rootSpanId">The root span id (16 lowercase hex digits); anything else is ignored.</param>
    /// <returns>The parent context; without a parent span when the root span id is missing or malformed.</returns>
    public static ActivityContext ForCall(string? instanceId, string? rootSpanId)
    {
        var call = ForInstance(instanceId);
        return call != default && IsSpanId(rootSpanId)
            ? new ActivityContext(call.TraceId, ActivitySpanId.CreateFromString(rootSpanId), ActivityTraceFlags.Recorded, isRemote: true)
            : call;
    }

    /// <summary>Whether a value is a W3C span id: 16 lowercase hex digits, not all zero.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True for a span id.</returns>
    public static bool IsSpanId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value is { Length: 16 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') && value != "0000000000000000";
}
