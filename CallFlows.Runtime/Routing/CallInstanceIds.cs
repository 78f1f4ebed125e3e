using System.Security.Cryptography;
using System.Text;
using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Routing;

/// <summary>Orchestration instance ids derived from calls.</summary>
internal static class CallInstanceIds
{
    /// <summary>The prefix of inbound instance ids.</summary>
    public const string InboundPrefix = "in-";

    /// <summary>The prefix of outbound instance ids created by the app.</summary>
    public const string OutboundPrefix = "out-";

    /// <summary>
    /// The instance id of the flow handling an incoming call: <c>in-</c> + 32 hex digits of SHA-256 over the server
    /// call id (else the correlation id, else the incoming call context) and the callee's raw id. Event Grid
    /// redeliveries of the same event map to the same instance; the callee is part of the key because a redirected
    /// call raises a new IncomingCall for the new target with the same server call id, which must get its own flow.
    /// </summary>
    /// <param name="incomingCall">The call.</param>
    /// <returns>The instance id.</returns>
    /// <exception cref="ArgumentException">The call carries no id at all.</exception>
    public static string ForIncomingCall(IncomingCall incomingCall)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var callKey = FirstNonEmpty(incomingCall.ServerCallId, incomingCall.CorrelationId, incomingCall.IncomingCallContext)
            ?? throw new ArgumentException("The incoming call has no server call id, correlation id or context.", nameof(incomingCall));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(callKey + "\n" + (incomingCall.To?.RawId ?? string.Empty)));
        return InboundPrefix + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>Whether a client-supplied instance id (idempotency key) is acceptable: 1–100 of <c>A-Z a-z 0-9 - _ .</c>.</summary>
    /// <param name="instanceId">The id.</param>
    /// <returns>True when acceptable.</returns>
    public static bool IsValidClientId(string? instanceId) =>
        !string.IsNullOrEmpty(instanceId) && instanceId.Length <= 100
        && instanceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !instanceId.StartsWith(InboundPrefix, StringComparison.Ordinal);

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
