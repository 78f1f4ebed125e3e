using System.Text.Json;
using DurableTask.Core.History;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Viewer;

/// <summary>
/// The logic behind <c>GET /api/calls/{instanceId}</c>: the call's state from the instance (custom status, output)
/// and its complete timeline from the orchestration history (<see cref="DurableTaskClient.GetOrchestrationHistoryAsync"/>,
/// served by the Durable Functions extension's gRPC endpoint for isolated apps). A backend that keeps no history
/// yields the last entries of the custom status, flagged with <see cref="CallView.TimelineComplete"/> = false.
/// </summary>
/// <param name="timeProvider">The clock (duration of live calls).</param>
/// <param name="logger">The logger.</param>
internal sealed class CallViewReader(TimeProvider timeProvider, ILogger<CallViewReader> logger)
{
    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    /// <summary>Answers <c>GET /api/calls/{instanceId}</c>.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with <see cref="CallView"/>, 400 or 404.</returns>
    public async Task<IActionResult> HandleAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return JsonHttpResult.BadRequest("The instance id is missing.", "instanceId");
        }

        CallView? view = await ReadAsync(instanceId, client, cancellationToken);
        if (view is null)
        {
            ViewerLog.UnknownInstance(logger, instanceId);
            return JsonHttpResult.Error(StatusCodes.Status404NotFound, $"No call flow instance '{instanceId}'.");
        }

        return new JsonHttpResult(StatusCodes.Status200OK, view);
    }

    /// <summary>Reads the view of one call.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The view, or null when there is no such instance.</returns>
    public async Task<CallView?> ReadAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return null;
        }

        CallFlowStatus? status = Parse<CallFlowStatus>(instance.SerializedCustomStatus);
        CallFlowOutcome? outcome = Parse<CallFlowOutcome>(instance.SerializedOutput);
        (string? from, string? to) = ViewerJson.Parties(ViewerJson.Parse(instance.SerializedInput));

        IList<HistoryEvent>? history = null;
        try
        {
            history = await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException
            or Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unimplemented })
        {
            ViewerLog.HistoryUnavailable(logger, instanceId, exception.Message);
        }

        (List<CallTimelineEntry> timeline, List<ParticipantsSnapshot> participants) = history is null
            ? (CallHistoryTimeline.FromStatus(status, outcome), FallbackParticipants(instance, status, outcome))
            : CallHistoryTimeline.Build(history);

        return new CallView(
            instance.InstanceId,
            instance.Name,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            status,
            outcome,
            instance.FailureDetails?.ErrorMessage)
        {
            From = from,
            To = to,
            IsLive = IsLive(instance.RuntimeStatus),
            TimelineComplete = history is not null,
            Timeline = timeline,
            Participants = participants,
        };
    }

    /// <summary>Whether an instance in this status still runs the call.</summary>
    /// <param name="status">The runtime status.</param>
    /// <returns>True for Pending, Running and Suspended.</returns>
    public static bool IsLive(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    /// <summary>Deserializes a custom status or output, or null when absent or not of that shape.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <returns>The value or null.</returns>
    internal static T? Parse<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, StatusJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private List<ParticipantsSnapshot> FallbackParticipants(OrchestrationMetadata instance, CallFlowStatus? status, CallFlowOutcome? outcome)
    {
        IReadOnlyList<string>? roster = outcome?.Participants ?? status?.Participants;
        return roster is null
            ? []
            : [new ParticipantsSnapshot(outcome is null ? timeProvider.GetUtcNow() : CallHistoryTimeline.Utc(outcome.CompletedAt), roster, outcome?.CallConnectionId ?? status?.CallConnectionId)];
    }
}
