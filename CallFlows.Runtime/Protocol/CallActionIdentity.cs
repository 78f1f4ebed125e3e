using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallFlows.CallAutomation;

namespace CallFlows.Runtime.Protocol;

/// <summary>
/// The deterministic identity of one call action: its operation context (how its callback events find their way back
/// to the wait that issued it) and its repeatability pair (how ACS recognizes a retried or re-executed request).
/// Derived only from the orchestration instance and the action's position in the flow (the orchestration clock only
/// gives the first-sent time), so replays, activity retries and re-runs of an episode whose worker died produce
/// exactly the same request id and operation context.
/// </summary>
/// <param name="Sequence">The action's position in the flow (1 for the first action).</param>
/// <param name="OperationContext">The operation context sent with the action and echoed in its events.</param>
/// <param name="RepeatabilityRequestId">The <c>Repeatability-Request-ID</c> (UUID v4 format).</param>
/// <param name="RepeatabilityFirstSent">The <c>Repeatability-First-Sent</c> time.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record CallActionIdentity(int Sequence, string OperationContext, Guid RepeatabilityRequestId, DateTimeOffset RepeatabilityFirstSent)
{
    /// <summary>Derives the identity of an action.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <param name="sequence">The action's position in the flow (1-based).</param>
    /// <param name="actionName">The action's name, e.g. <c>AddParticipant</c>.</param>
    /// <param name="orchestrationTimeUtc">The orchestration's current time (<c>context.CurrentUtcDateTime</c>) when the action is issued.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException"><paramref name="instanceId"/> or <paramref name="actionName"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is not positive.</exception>
    public static CallActionIdentity Create(string instanceId, int sequence, string actionName, DateTime orchestrationTimeUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);

        var firstSent = new DateTimeOffset(DateTime.SpecifyKind(orchestrationTimeUtc, DateTimeKind.Utc));
        // The orchestration time must NOT be part of the seed: the Azure Storage backend sends an episode's activity
        // messages before it commits the episode's history, so a worker killed in between makes the next worker run
        // the episode again with a new CurrentUtcDateTime; a time-based seed then gave the re-run action a new
        // repeatability id and operation context and ACS performed it twice (found by tools/CallFlows.Chaos). Only
        // the Repeatability-First-Sent header carries the time. Trade-off: an instance id reused for a new run
        // within the 5-minute repeatability window (purge + restart) repeats ids; instance ids of calls are unique.
        var seed = string.Create(CultureInfo.InvariantCulture, $"{instanceId}\n{sequence}\n{actionName}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // Stamp the RFC 9562 version-4 and variant bits: services that check the UUID format accept it.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var requestId = new Guid(bytes, bigEndian: true);
        var operationContext = string.Create(CultureInfo.InvariantCulture, $"cf-{sequence}-{actionName}-{Convert.ToHexStringLower(hash, 16, 4)}");
        return new CallActionIdentity(sequence, operationContext, requestId, firstSent) { InstanceId = instanceId };
    }

    /// <summary>
    /// The identity of the answer the Event Grid webhook sends for a flow marked
    /// <see cref="CallFlowAttribute.AnswerOnArrival"/>: exactly the one the flow's first action (its answer) derives,
    /// with the webhook's send time as the first-sent time the flow then repeats.
    /// </summary>
    /// <param name="instanceId">The flow's instance id.</param>
    /// <param name="answeredAt">When the webhook sent the answer (whole seconds: the header is an IMF-fixdate).</param>
    /// <returns>The identity.</returns>
    /// <param name="rootSpanId">The call's root span id, as written into the flow's input.</param>
    public static CallActionIdentity ForAnswerOnArrival(string instanceId, DateTimeOffset answeredAt, string? rootSpanId) =>
        Create(instanceId, 1, CallActionNames.AnswerCall, answeredAt.UtcDateTime) with { RootSpanId = rootSpanId };

    /// <summary>
    /// The orchestration instance that issued the action: the activity finds the call's trace and log scope from it.
    /// Null in inputs written before it existed.
    /// </summary>
    public string? InstanceId { get; init; }

    /// <summary>
    /// The span id of the call's root span (the request that started the call), when it was traced: the action's span
    /// and the callback URL it sends name it as their parent. Null when the call was not traced from its start.
    /// </summary>
    public string? RootSpanId { get; init; }

    /// <summary>The repeatability headers to send with the action.</summary>
    /// <returns>The headers.</returns>
    public RepeatabilityHeaders ToRepeatabilityHeaders() => new(RepeatabilityRequestId, RepeatabilityFirstSent);
}
