using System.Diagnostics;
using CallFlows.CallAutomation;
using CallFlows.Runtime.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// The callback logic behind <c>/api/callbacks/{instanceId}</c>: authenticates the ACS token, parses the CloudEvents
/// and raises each into the instance under <see cref="CallFlowEvents.CallbackEventName"/> as a
/// <see cref="CallbackEnvelope"/>. The flow runtime does the matching, de-duplication and ordering.
/// </summary>
/// <param name="validator">The callback token validator.</param>
/// <param name="logger">The logger.</param>
internal sealed class CallbackDispatcher(CallbackTokenValidator validator, ILogger<CallbackDispatcher> logger)
{
    /// <summary>Handles one callback request.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="instanceId">The instance from the route.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 when raised (or the instance already ended), 400 malformed, 401 unauthenticated, 404 unknown instance.</returns>
    public async Task<IActionResult> HandleAsync(HttpRequest request, string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var authentication = await validator.ValidateAsync(request.Headers.Authorization.ToString(), cancellationToken);
        if (!authentication.IsValid)
        {
            Log.CallbackUnauthenticated(logger, instanceId, authentication.Failure, authentication.Detail);
            return authentication.Failure == CallbackTokenFailure.KeysUnavailable
                ? JsonHttpResult.Error(StatusCodes.Status503ServiceUnavailable, "The callback signing keys are unavailable; retry later.")
                : JsonHttpResult.Error(StatusCodes.Status401Unauthorized, "The callback token is not valid.");
        }

        if (string.IsNullOrWhiteSpace(instanceId))
        {
            return JsonHttpResult.BadRequest("The instance id is missing.", "instanceId");
        }

        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        List<CallbackEnvelope> envelopes;
        try
        {
            envelopes = CallAutomationEventParser.ParseMany(body).Select(CallbackEnvelope.FromEvent).ToList();
        }
        catch (Exception exception) when (exception is CallAutomationEventFormatException or ArgumentException)
        {
            Log.MalformedCallback(logger, instanceId, exception.Message);
            return JsonHttpResult.BadRequest(exception.Message);
        }

        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            Log.CallbackForUnknownInstance(logger, instanceId, envelopes.Count);
            return JsonHttpResult.Error(StatusCodes.Status404NotFound, $"No call flow instance '{instanceId}'.");
        }

        if (instance.IsCompleted)
        {
            // Late events (e.g. the CallDisconnected after the flow already recorded its outcome) are normal.
            foreach (var envelope in envelopes)
            {
                Log.CallbackAfterCompletion(logger, instanceId, instance.RuntimeStatus, envelope.EventType, envelope.EventId);
            }

            return new JsonHttpResult(StatusCodes.Status200OK, new CallbackResponse(0, envelopes.Count));
        }

        foreach (var envelope in envelopes)
        {
            using var scope = CallLogScope.Begin(logger, instanceId, envelope.CallConnectionId);
            using var span = CallFlowsTelemetry.StartCallSpan("CallFlows.Callback " + envelope.Name, ActivityKind.Server, instanceId);
            span?.SetTag(CallFlowsTags.EventType, envelope.Name).SetTag(CallFlowsTags.EventId, envelope.EventId)
                .SetTag(CallFlowsTags.CallConnectionId, envelope.CallConnectionId).SetTag(CallFlowsTags.OperationContext, envelope.OperationContext);
            if (!CallAutomationEventParser.KnownEventTypes.ContainsKey(envelope.EventType))
            {
                // Still raised: the flow's timeline shows it, so an unmodelled event is reported, never silently lost.
                Log.UnknownCallbackType(logger, instanceId, envelope.EventType, envelope.EventId);
            }

            using (CallFlowsTelemetry.Source.StartActivity("CallFlows.RaiseEvent " + envelope.Name, ActivityKind.Producer))
            {
                await client.RaiseEventAsync(instanceId, CallFlowEvents.CallbackEventName, envelope, cancellationToken);
            }

            CallFlowsTelemetry.CallbacksRaised.Add(1, new KeyValuePair<string, object?>(CallFlowsTags.EventType, envelope.Name));
            Log.CallbackRaised(logger, instanceId, envelope.EventType, envelope.EventId, envelope.OperationContext);
        }

        return new JsonHttpResult(StatusCodes.Status200OK, new CallbackResponse(envelopes.Count, 0));
    }

    /// <summary>What a callback request did.</summary>
    /// <param name="Raised">Events raised into the instance.</param>
    /// <param name="Ignored">Events ignored because the instance had ended.</param>
    public sealed record CallbackResponse(int Raised, int Ignored);
}
