using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace CallFlows.Runtime.Telemetry;

/// <summary>
/// The W3C trace context of one call, derived from its orchestration instance id alone. Every part of the call — the
/// webhook or start request, each activity, each callback request — knows the instance id, so each finds the call's
/// trace without any storage read or write and without changing the callback URL, and a replay or a re-executed
/// activity lands in the same trace. The parent span id is left empty: each hop's span is a top-level span of the
/// call's trace (the call spans processes and hours; there is no single process that could hold a parent span open).
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
}
