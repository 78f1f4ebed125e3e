using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Hosting;

/// <summary>The logic behind <c>GET /api/calls/{instanceId}</c>: the call's state from the instance's custom status and output.</summary>
/// <param name="logger">The logger.</param>
internal sealed class CallStatusReader(ILogger<CallStatusReader> logger)
{
    /// <summary>Reads the status of a call flow instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with <see cref="CallStatusResponse"/>, or 404.</returns>
    public async Task<IActionResult> HandleAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return JsonHttpResult.BadRequest("The instance id is missing.", "instanceId");
        }

        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            Log.StatusForUnknownInstance(logger, instanceId);
            return JsonHttpResult.Error(StatusCodes.Status404NotFound, $"No call flow instance '{instanceId}'.");
        }

        return new JsonHttpResult(StatusCodes.Status200OK, new CallStatusResponse(
            instance.InstanceId,
            instance.Name,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            Parse<CallFlowStatus>(instance.SerializedCustomStatus),
            Parse<CallFlowOutcome>(instance.SerializedOutput),
            instance.FailureDetails?.ErrorMessage));
    }

    /// <summary>One options instance: each new instance rebuilds its type metadata (and emits its accessors) from scratch.</summary>
    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    private static T? Parse<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            // The durable data converter writes default System.Text.Json (PascalCase); read case-insensitively.
            return JsonSerializer.Deserialize<T>(json, ReadOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
