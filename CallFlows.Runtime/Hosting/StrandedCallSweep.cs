using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// The timer-driven safety net for calls whose flow no longer runs: a terminated orchestration runs no more code, and a
/// failure outside the flow's code (e.g. in the runtime or the worker) is not caught by the runner. The sweep reads the
/// terminated and failed instances that ended recently, and for each whose last custom status says a call was connected,
/// asks ACS whether that call is still up and ends it (<see cref="StrandedCallEnder"/>).
/// </summary>
/// <param name="ender">Ends a call that is still connected.</param>
/// <param name="options">The app settings.</param>
/// <param name="timeProvider">The clock.</param>
/// <param name="logger">The logger.</param>
internal sealed class StrandedCallSweep(StrandedCallEnder ender, IOptions<CallFlowsOptions> options, TimeProvider timeProvider, ILogger<StrandedCallSweep> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs one sweep.</summary>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>How many calls were checked and how many were ended.</returns>
    public async Task<(int Checked, int Ended)> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = options.Value.StrandedCallSweep;
        if (!settings.Enabled)
        {
            return (0, 0);
        }

        var now = timeProvider.GetUtcNow();
        var query = new OrchestrationQuery
        {
            CreatedFrom = now - settings.MaxCallAge,
            Statuses = [OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Failed],
            FetchInputsAndOutputs = true,
        };
        int checkedCalls = 0, ended = 0;
        try
        {
            await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
            {
                if (instance.LastUpdatedAt < now - settings.Window
                    || ReadStatus(instance.SerializedCustomStatus) is not { CallConnectionId: { } call, CallState: not "Disconnected" } status
                    || EndedByRuntime(status))
                {
                    continue;
                }

                checkedCalls++;
                if (await ender.EndIfConnectedAsync(instance.InstanceId, call, status.Flow, DescribeCause(instance), cancellationToken))
                {
                    ended++;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            StrandedCallLog.SweepFailed(logger, exception);
        }

        StrandedCallLog.SweepCompleted(logger, checkedCalls, ended);
        return (checkedCalls, ended);
    }

    /// <summary>Reads a flow's custom status; null when absent or not a <see cref="CallFlowStatus"/>.</summary>
    /// <param name="serializedCustomStatus">The instance's serialized custom status.</param>
    /// <returns>The status, or null.</returns>
    public static CallFlowStatus? ReadStatus(string? serializedCustomStatus)
    {
        if (string.IsNullOrWhiteSpace(serializedCustomStatus))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CallFlowStatus>(serializedCustomStatus, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Why an instance no longer runs, in words for the error log.</summary>
    /// <param name="instance">The instance (with its output, which holds the terminate reason).</param>
    /// <returns>The cause.</returns>
    public static string DescribeCause(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Terminated => "the instance was terminated" + Reason(instance.SerializedOutput),
            OrchestrationRuntimeStatus.Failed when instance.FailureDetails is { } failure => $"the instance failed ({failure.ErrorType}: {failure.ErrorMessage})",
            _ => "the instance is " + instance.RuntimeStatus,
        };
    }

    // The runtime's own EndAbandonedCall action already ended the call of a flow that threw.
    private static bool EndedByRuntime(CallFlowStatus status) =>
        status.Actions.Any(a => a.Name == CallActionNames.EndAbandonedCall && a.Detail == nameof(CallActionStatus.Succeeded));

    private static string Reason(string? serializedOutput)
    {
        if (string.IsNullOrWhiteSpace(serializedOutput))
        {
            return string.Empty;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(serializedOutput) is { ValueKind: JsonValueKind.String } text && !string.IsNullOrWhiteSpace(text.GetString())
                ? " (reason: " + text.GetString() + ")"
                : " (reason: " + serializedOutput + ")";
        }
        catch (JsonException)
        {
            return " (reason: " + serializedOutput + ")";
        }
    }
}
