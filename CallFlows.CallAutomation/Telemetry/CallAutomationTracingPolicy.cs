using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CallFlows.CallAutomation.Telemetry;

/// <summary>
/// One client span per Call Automation HTTP attempt (it runs per retry): method and path, the HTTP status, the ACS
/// error code of a refused request and the repeatability request id, so a span answers "what did ACS say" and ACS
/// support can find the request. The span is a child of whatever span is current (the call action's span).
/// </summary>
internal sealed class CallAutomationTracingPolicy : HttpPipelinePolicy
{
    private static readonly ActivitySource Source = new(CallAutomationInstrumentation.SourceName,
        typeof(CallAutomationTracingPolicy).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        using var activity = Start(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity?.SetTag("error.type", exception.GetType().FullName);
            throw;
        }

        Complete(activity, message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        using var activity = Start(message);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity?.SetTag("error.type", exception.GetType().FullName);
            throw;
        }

        Complete(activity, message);
    }

    private static Activity? Start(HttpMessage message)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var request = message.Request;
        var method = request.Method.Method;
        var path = request.Uri.Path;
        var activity = Source.StartActivity($"{method} {Operation(path)}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("http.request.method", method);
        activity.SetTag("server.address", request.Uri.Host);
        activity.SetTag("url.path", path);
        if (request.Headers.TryGetValue("Repeatability-Request-ID", out var repeatabilityId))
        {
            activity.SetTag("acs.repeatability_request_id", repeatabilityId);
        }

        return activity;
    }

    private static void Complete(Activity? activity, HttpMessage message)
    {
        if (activity is null || !message.HasResponse)
        {
            return;
        }

        var response = message.Response;
        activity.SetTag("http.response.status_code", response.Status);
        if (response.Status < 400)
        {
            return;
        }

        var errorCode = ErrorCode(response);
        activity.SetTag("acs.error_code", errorCode);
        activity.SetTag("error.type", errorCode ?? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        activity.SetStatus(ActivityStatusCode.Error, $"HTTP {response.Status}{(errorCode is null ? string.Empty : " " + errorCode)}");
    }

    /// <summary>The path with ids replaced, so span names stay low-cardinality: <c>/calling/callConnections/{id}:play</c>.</summary>
    private static string Operation(string path)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i - 1] is "callConnections" or "participants" or "recordings")
            {
                var colon = segments[i].IndexOf(':', StringComparison.Ordinal);
                segments[i] = colon < 0 ? "{id}" : "{id}" + segments[i][colon..];
            }
        }

        return string.Join('/', segments);
    }

    private static string? ErrorCode(Response response)
    {
        // Buffered responses only (the client buffers every response); error.code of CommunicationErrorResponse.
        if (response.ContentStream is not { CanSeek: true } stream)
        {
            return null;
        }

        var position = stream.Position;
        try
        {
            stream.Position = 0;
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            stream.Position = position;
        }
    }
}
