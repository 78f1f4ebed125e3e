using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreOrchestrationQuery = DurableTask.Core.Query.OrchestrationQuery;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace CallFlows.LocalHost.Engine;

/// <summary>
/// A <see cref="DurableTaskClient"/> over DurableTask.Core's <see cref="IOrchestrationServiceClient"/>: the same
/// client type the app's HTTP functions get from <c>[DurableClient]</c> in Azure, talking to the local task hub.
/// </summary>
internal sealed class LocalDurableTaskClient(
    string name, IOrchestrationServiceClient client, DataConverter dataConverter, bool supportsHistory, LocalWorkCounters? counters = null)
    : DurableTaskClient(name)
{
    static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(500);

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        cancellation.ThrowIfCancellationRequested();
        return this.CreateInstanceAsync(orchestratorName.Name, dataConverter.Serialize(input), options);
    }

    public override async Task<string> RestartAsync(
        string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        IList<OrchestrationState>? states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        if (states is not { Count: > 0 } || states[0] is not { } state)
        {
            throw new ArgumentException($"No orchestration instance '{instanceId}' was found.", nameof(instanceId));
        }

        if (!restartWithNewInstanceId && !IsTerminal(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"Instance '{instanceId}' is {state.OrchestrationStatus}; only an instance in a terminal state can be restarted with the same id.");
        }

        // The original input as stored, not re-serialized: the restarted instance sees exactly what the first one saw.
        var options = new StartOrchestrationOptions(restartWithNewInstanceId ? null : instanceId);
        return await this.CreateInstanceAsync(state.Name, state.Input, options);
    }

    public override async Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        if (client is not AzureStorageOrchestrationService storage)
        {
            throw new NotSupportedException("Rewind is supported by the Azure Storage engine only.");
        }

        OrchestrationMetadata? metadata = await this.GetInstancesAsync(instanceId, false, cancellation)
            ?? throw new ArgumentException($"No orchestration instance '{instanceId}' was found.", nameof(instanceId));
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException(
                $"Instance '{instanceId}' is {metadata.RuntimeStatus}; only a Failed instance can be rewound.");
        }

        await storage.RewindTaskOrchestrationAsync(instanceId, reason);
    }

    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return this.SendAsync(instanceId, new EventRaisedEvent(-1, dataConverter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return client.ForceTerminateTaskOrchestrationAsync(instanceId, dataConverter.Serialize(options?.Output));
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        IList<OrchestrationState>? states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states is { Count: > 0 } && states[0] is { } state ? this.ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        if (client is not IOrchestrationServiceQueryClient queryClient)
        {
            throw new NotSupportedException("The orchestration service does not support instance queries.");
        }

        return Pageable.Create<OrchestrationMetadata>(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreOrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                TaskHubNames = filter?.TaskHubNames?.ToList(),
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            OrchestrationQueryResult result = await queryClient.GetOrchestrationWithQueryAsync(query, cancellation);
            return new Page<OrchestrationMetadata>(
                result.OrchestrationState.Select(s => this.ToMetadata(s, query.FetchInputsAndOutputs)).ToList(),
                result.ContinuationToken);
        });
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        TimeSpan delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            OrchestrationMetadata? metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is not null && metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation);
            delay = NextDelay(delay);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // Our own polling loop: the provider's WaitForOrchestrationAsync polls every 2 s, too slow for tests and demos.
        TimeSpan delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            OrchestrationMetadata? metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation);
            delay = NextDelay(delay);
        }
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        OrchestrationMetadata? metadata = await this.GetInstancesAsync(instanceId, false, cancellation);
        if (metadata is null)
        {
            return new PurgeResult(0);
        }

        if (!metadata.IsCompleted)
        {
            throw new InvalidOperationException(
                $"Only instances in a terminal state can be purged; '{instanceId}' is {metadata.RuntimeStatus}.");
        }

        global::DurableTask.Core.PurgeResult result = await this.PurgeClient.PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(ToCore));
        global::DurableTask.Core.PurgeResult result = await this.PurgeClient.PurgeInstanceStateAsync(coreFilter);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    /// <summary>Returns the history of the latest execution as the provider stores it (JSON array of history events), or <see langword="null"/> when the engine keeps none (in-memory).</summary>
    public async Task<string?> GetSerializedHistoryAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (!supportsHistory)
        {
            return null;
        }

        cancellation.ThrowIfCancellationRequested();
        IList<OrchestrationState>? states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        if (states is not { Count: > 0 } || states[0] is not { } state)
        {
            return null;
        }

        return await client.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId);
    }

    /// <summary>
    /// The history of the latest execution as typed events (what <c>GetOrchestrationHistoryAsync</c> returns in Azure
    /// through the Durable Functions extension's gRPC endpoint). The in-memory engine keeps none.
    /// </summary>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (!supportsHistory)
        {
            throw new NotSupportedException("The in-memory engine keeps no orchestration history.");
        }

        string json = await this.GetSerializedHistoryAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No orchestration instance '{instanceId}'.", nameof(instanceId));
        try
        {
            return LocalHistorySerializer.Deserialize(json);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            // As the gRPC client does for a server-side failure.
            throw new InvalidOperationException($"The history of '{instanceId}' could not be read: {ex.Message}", ex);
        }
    }

    public override ValueTask DisposeAsync() => default;

    IOrchestrationServicePurgeClient PurgeClient => client as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException("The orchestration service does not support purging.");

    static TimeSpan NextDelay(TimeSpan delay) =>
        TimeSpan.FromTicks(Math.Min(MaxPollInterval.Ticks, (long)(delay.Ticks * 1.5)));

    async Task<string> CreateInstanceAsync(string orchestratorName, string? serializedInput, StartOrchestrationOptions? options)
    {
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var tags = options?.Tags?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>();

        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, serializedInput)
            {
                Name = orchestratorName,
                Version = options?.Version?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = tags,
            },
        };

        CoreStatus[] dedupe = options?.DedupeStatuses is { Count: > 0 } statuses
            ? statuses.Select(s => Enum.TryParse(s, ignoreCase: true, out OrchestrationRuntimeStatus parsed)
                ? ToCore(parsed)
                : throw new ArgumentException($"'{s}' is not an orchestration runtime status.", nameof(options))).ToArray()
            : [CoreStatus.Pending, CoreStatus.Running];

        await client.CreateTaskOrchestrationAsync(message, dedupe);
        counters?.InstanceCreated();
        return instanceId;
    }

    static bool IsTerminal(CoreStatus status) =>
        status is CoreStatus.Completed or CoreStatus.Failed or CoreStatus.Terminated or CoreStatus.Canceled;

    Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
    }

    OrchestrationMetadata ToMetadata(OrchestrationState state, bool getInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = getInputsAndOutputs ? dataConverter : null,
            RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            SerializedInput = getInputsAndOutputs ? state.Input : null,
            SerializedOutput = getInputsAndOutputs ? state.Output : null,
            SerializedCustomStatus = getInputsAndOutputs ? state.Status : null,
            FailureDetails = state.FailureDetails is { } f ? ToFailure(f)
                : state.OrchestrationStatus == CoreStatus.Failed ? FailureFromOutput(state.Output) : null,
            Tags = state.Tags is { } tags ? new Dictionary<string, string>(tags) : new Dictionary<string, string>(),
        };

    // The Azure Storage provider keeps no FailureDetails column: it stores "ErrorType: message" as the output.
    static TaskFailureDetails FailureFromOutput(string? output)
    {
        string text = output ?? string.Empty;
        int colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !text[..colon].Contains(' ', StringComparison.Ordinal)
            ? new TaskFailureDetails(text[..colon], text[(colon + 2)..], null, null, null)
            : new TaskFailureDetails("Unknown", text, null, null, null);
    }

    static TaskFailureDetails ToFailure(FailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace,
            details.InnerFailure is { } inner ? ToFailure(inner) : null, null);

    // The two enums share numeric values (Running=0 ... Suspended=7), as the Durable Task SDK's own converters assume.
    static CoreStatus ToCore(OrchestrationRuntimeStatus status) => (CoreStatus)(int)status;
}
