using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallFlows.CallAutomation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CallFlows.Benchmarks.Raw;

/// <summary>
/// The raw flow's HTTP side, as a team would write it without CallFlows: <c>POST /raw/incoming-call</c> (Event Grid
/// handshake, then one <see cref="RawInboundFlow"/> per call) and <c>POST /raw/callbacks/{instanceId}</c> (validate
/// the ACS token, raise each event under its type name with its data). Added in front of the host's pipeline with an
/// <see cref="IStartupFilter"/> because the local host maps only the functions assembly's <c>[Function]</c>s.
/// </summary>
internal sealed class RawEndpoints : IStartupFilter
{
    const string CallbackPrefix = "/raw/callbacks/";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            string path = context.Request.Path.Value ?? string.Empty;
            if (HttpMethods.IsPost(context.Request.Method) && path == "/raw/incoming-call")
            {
                await IncomingCallAsync(context);
            }
            else if (HttpMethods.IsPost(context.Request.Method) && path.StartsWith(CallbackPrefix, StringComparison.Ordinal))
            {
                await CallbackAsync(context, path[CallbackPrefix.Length..]);
            }
            else
            {
                await nextMiddleware(context);
            }
        });
        next(app);
    };

    static async Task IncomingCallAsync(HttpContext context)
    {
        RawAcs acs = context.RequestServices.GetRequiredService<RawAcs>();
        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        BinaryData body = await BinaryData.FromStreamAsync(context.Request.Body, context.RequestAborted);
        foreach (EventGridParseResult item in EventGridIncomingCallParser.ParseMany(body))
        {
            if (item.Kind == EventGridParseResultKind.SubscriptionValidation)
            {
                await context.Response.WriteAsJsonAsync(new { validationResponse = item.ValidationCode });
                return;
            }

            if (item.IncomingCall is not { } call)
            {
                continue;
            }

            // Deterministic id so a redelivery does not start a second flow.
            string instanceId = "raw-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(call.ServerCallId ?? call.EventId ?? string.Empty)))[..32];
            var input = new RawCallInput(call.IncomingCallContext!, call.From?.RawId, acs.AgentRawId,
                new Uri(acs.BaseUrl, "raw/callbacks/" + instanceId).AbsoluteUri);
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(RawInboundFlow), input, new StartOrchestrationOptions(instanceId), context.RequestAborted);
            }
            catch (InvalidOperationException)
            {
                // Already scheduled by an earlier delivery.
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    static async Task CallbackAsync(HttpContext context, string instanceId)
    {
        RawAcs acs = context.RequestServices.GetRequiredService<RawAcs>();
        if (!(await acs.Validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted)).IsValid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        DurableTaskClient client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        using JsonDocument events = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        foreach (JsonElement cloudEvent in events.RootElement.EnumerateArray())
        {
            string type = cloudEvent.GetProperty("type").GetString()!;
            string name = type[(type.LastIndexOf('.') + 1)..];
            await client.RaiseEventAsync(instanceId, name, cloudEvent.GetProperty("data").Clone(), context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
