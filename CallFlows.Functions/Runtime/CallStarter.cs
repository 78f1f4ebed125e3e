using System.Text.Json;
using CallFlows.CallAutomation;
using CallFlows.Functions.Actions;
using CallFlows.Functions.Diagnostics;
using CallFlows.Functions.Flows;
using CallFlows.Functions.Routing;
using CallFlows.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace CallFlows.Functions.Runtime;

/// <summary>
/// The logic behind <c>POST /api/calls</c>: validates the request (400 naming the field), starts the chosen outbound
/// flow once per instance id and answers 202 with the check-status payload and a <c>Location</c> header.
/// </summary>
/// <param name="links">Creates the management links.</param>
/// <param name="logger">The logger.</param>
public sealed class CallStarter(ICallManagementLinkFactory links, ILogger<CallStarter> logger)
{
    private static readonly JsonSerializerOptions RequestOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Handles one start request.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>202 with the payload, or 400.</returns>
    public async Task<IActionResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        StartCallRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartCallRequest>(request.Body, RequestOptions, cancellationToken);
        }
        catch (JsonException exception)
        {
            Log.InvalidStartRequest(logger, exception.Path ?? "body", exception.Message);
            return JsonHttpResult.BadRequest($"The body is not a valid start request: {exception.Message}", exception.Path);
        }

        if (body is null)
        {
            Log.InvalidStartRequest(logger, "body", "empty");
            return JsonHttpResult.BadRequest("A JSON body is required.", "body");
        }

        var (flow, input, error) = Validate(body);
        if (error is not null)
        {
            Log.InvalidStartRequest(logger, error.Value.Field, error.Value.Message);
            return JsonHttpResult.BadRequest(error.Value.Message, error.Value.Field);
        }

        var instanceId = body.InstanceId ?? CallInstanceIds.OutboundPrefix + Guid.NewGuid().ToString("N");
        var existing = body.InstanceId is null ? null : await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (existing is not null)
        {
            if (!string.Equals(existing.Name, flow, StringComparison.Ordinal))
            {
                Log.InvalidStartRequest(logger, "instanceId", $"already used by {existing.Name}");
                return JsonHttpResult.Error(StatusCodes.Status409Conflict, $"Instance '{instanceId}' already runs flow {existing.Name}.");
            }

            Log.StartRequestRepeated(logger, instanceId, flow!);
        }
        else
        {
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(flow!), input, new StartOrchestrationOptions(instanceId), cancellationToken);
                Log.OutboundCallScheduled(logger, instanceId, flow!);
            }
            catch (Exception exception) when (body.InstanceId is not null && !cancellationToken.IsCancellationRequested)
            {
                // Two requests with the same idempotency key raced: the one that lost finds the winner's instance.
                if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, CancellationToken.None) is null)
                {
                    Log.SchedulingFailed(logger, instanceId, flow!, exception);
                    throw;
                }

                Log.StartRequestRepeated(logger, instanceId, flow!);
            }
        }

        var payload = links.Create(request, client, instanceId);
        var result = new JsonHttpResult(StatusCodes.Status202Accepted, payload);
        result.Headers["Location"] = payload.StatusQueryGetUri;
        return result;
    }

    /// <summary>Validates a start request and builds the flow input.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The flow name and input, or the first error with the field to blame.</returns>
    public static (string? Flow, OutboundCallInput? Input, (string Field, string Message)? Error) Validate(StartCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var flow = FlowNames.Resolve(FlowNames.Outbound, request.Flow);
        if (flow is null)
        {
            return Fail("flow", $"'flow' must be one of: {string.Join(", ", FlowNames.Outbound.Select(f => f[..^"Flow".Length]))}.");
        }

        if (request.InstanceId is not null && !CallInstanceIds.IsValidClientId(request.InstanceId))
        {
            return Fail("instanceId", "'instanceId' must be 1-100 of A-Z a-z 0-9 - _ . and must not start with 'in-'.");
        }

        var targets = request.Targets?.ToList() ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            if (RawIdError(targets[i]) is { } message)
            {
                return Fail($"targets[{i}]", message);
            }
        }

        foreach (var (field, value) in new[] { ("callerId", request.CallerId), ("participant", request.Participant), ("transferTarget", request.TransferTarget), ("transferee", request.Transferee) })
        {
            if (value is not null && RawIdError(value) is { } message)
            {
                return Fail(field, message);
            }
        }

        if (request.CallerId is not null && CommunicationIdentifier.FromRawId(request.CallerId) is not PhoneNumberIdentifier)
        {
            return Fail("callerId", "'callerId' must be a phone number raw id (4:+...).");
        }

        var needsTargets = flow != FlowNames.ConnectCall && !(flow == FlowNames.HangUpForEveryone && request.Locator is not null);
        if (needsTargets && targets.Count == 0)
        {
            return Fail("targets", "'targets' needs at least one raw id.");
        }

        if ((flow == FlowNames.OutboundCall || flow == FlowNames.CancelAddParticipant) && targets.Count != 1)
        {
            return Fail("targets", "'targets' must hold exactly one raw id for this flow.");
        }

        var phones = targets.Append(request.Participant).Where(t => t is not null).Select(t => CommunicationIdentifier.FromRawId(t!)).OfType<PhoneNumberIdentifier>();
        if (request.CallerId is null && phones.Any())
        {
            return Fail("callerId", "'callerId' is required when calling or adding a phone number.");
        }

        CallLocatorKind? locatorKind = null;
        if (request.Locator is not null || flow == FlowNames.ConnectCall)
        {
            locatorKind = request.Locator?.Kind?.ToUpperInvariant() switch
            {
                "SERVERCALL" => CallLocatorKind.ServerCall,
                "GROUPCALL" => CallLocatorKind.GroupCall,
                "ROOM" => CallLocatorKind.Room,
                _ => null,
            };
            if (locatorKind is null)
            {
                return Fail("locator.kind", "'locator.kind' must be serverCall, groupCall or room.");
            }

            if (string.IsNullOrWhiteSpace(request.Locator!.Id))
            {
                return Fail("locator.id", "'locator.id' is required.");
            }
        }

        if ((flow == FlowNames.CancelAddParticipant || flow == FlowNames.RemoveParticipant) && request.Participant is null)
        {
            return Fail("participant", "'participant' is required for this flow.");
        }

        if (flow == FlowNames.GroupTransfer)
        {
            if (request.TransferTarget is null)
            {
                return Fail("transferTarget", "'transferTarget' is required for a group transfer.");
            }

            if (request.Transferee is null)
            {
                return Fail("transferee", "'transferee' is required for a group transfer.");
            }
        }

        foreach (var (field, value, min, max) in new[]
        {
            ("invitationTimeoutSeconds", request.InvitationTimeoutSeconds, 1, 180),
            ("connectTimeoutSeconds", request.ConnectTimeoutSeconds, 1, 600),
            ("maxDurationSeconds", request.MaxDurationSeconds, 0, 86_400),
            ("cancelAfterSeconds", request.CancelAfterSeconds, 1, 180),
            ("actionTimeoutSeconds", request.ActionTimeoutSeconds, 1, 600),
        })
        {
            if (value is { } v && (v < min || v > max))
            {
                return Fail(field, $"'{field}' must be between {min} and {max}.");
            }
        }

        try
        {
            // The client's context enforces ACS's documented header limits.
            var context = new CustomCallingContext();
            foreach (var (key, value) in request.SipHeaders ?? new Dictionary<string, string>())
            {
                context.AddSipX(key, value);
            }

            if (request.Uui is not null)
            {
                context.AddSipUui(request.Uui);
            }

            foreach (var (key, value) in request.VoipHeaders ?? new Dictionary<string, string>())
            {
                context.AddVoip(key, value);
            }
        }
        catch (ArgumentException exception)
        {
            return Fail(request.VoipHeaders?.Count > 0 && exception.Message.Contains("VoIP", StringComparison.Ordinal) ? "voipHeaders" : "sipHeaders", exception.Message);
        }

        var defaults = new OutboundCallInput();
        var input = new OutboundCallInput
        {
            Targets = targets,
            CallerId = request.CallerId,
            DisplayName = request.DisplayName,
            LocatorKind = locatorKind,
            LocatorId = request.Locator?.Id,
            Participant = request.Participant,
            TransferTarget = request.TransferTarget,
            Transferee = request.Transferee,
            InvitationTimeoutSeconds = request.InvitationTimeoutSeconds,
            ConnectTimeoutSeconds = request.ConnectTimeoutSeconds ?? defaults.ConnectTimeoutSeconds,
            MaxDurationSeconds = request.MaxDurationSeconds ?? defaults.MaxDurationSeconds,
            CancelAfterSeconds = request.CancelAfterSeconds ?? defaults.CancelAfterSeconds,
            ActionTimeoutSeconds = request.ActionTimeoutSeconds ?? defaults.ActionTimeoutSeconds,
            HangUpForEveryone = request.HangUpForEveryone,
            SipHeaders = request.SipHeaders is null ? null : new Dictionary<string, string>(request.SipHeaders, StringComparer.Ordinal),
            VoipHeaders = request.VoipHeaders is null ? null : new Dictionary<string, string>(request.VoipHeaders, StringComparer.Ordinal),
            Uui = request.Uui,
        };
        return (flow, input, null);
    }

    private static string? RawIdError(string? rawId)
    {
        if (string.IsNullOrWhiteSpace(rawId))
        {
            return "A raw id must not be empty.";
        }

        return CommunicationIdentifier.FromRawId(rawId) is UnknownIdentifier
            ? $"'{rawId}' is not a recognized raw id (4:+E164, 8:acs:..., 8:orgid:..., 28:orgid:...)."
            : null;
    }

    private static (string?, OutboundCallInput?, (string, string)?) Fail(string field, string message) => (null, null, (field, message));
}
