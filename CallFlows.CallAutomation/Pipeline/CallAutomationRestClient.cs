using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CallFlows.CallAutomation.Pipeline;

/// <summary>Builds, sends and checks the REST requests shared by <see cref="CallAutomationClient"/> and <see cref="CallConnection"/>.</summary>
internal sealed class CallAutomationRestClient
{
    private const string JsonContentType = "application/json";

    public CallAutomationRestClient(HttpPipeline pipeline, Uri endpoint, string apiVersion, TimeProvider timeProvider)
    {
        Pipeline = pipeline;
        Endpoint = endpoint;
        ApiVersion = apiVersion;
        TimeProvider = timeProvider;
    }

    public HttpPipeline Pipeline { get; }

    public Uri Endpoint { get; }

    public string ApiVersion { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Sends one operation. Path segments in <paramref name="path"/> must already be escaped.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path starting with <c>/calling</c>.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="repeatable">Whether the operation carries repeatability headers.</param>
    /// <param name="repeatability">The caller's pair; a new one is created when null and <paramref name="repeatable"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The successful (2xx) response.</returns>
    public Task<Response> SendAsync(RequestMethod method, string path, byte[]? body, bool repeatable, RepeatabilityHeaders? repeatability, CancellationToken cancellationToken)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath(path, escape: false);
        request.Uri.AppendQuery("api-version", ApiVersion, escapeValue: true);
        return SendMessageAsync(message, body, repeatable, repeatability, cancellationToken);
    }

    /// <summary>GETs an absolute next-page link as-is (JS <c>getParticipantsNext</c> does not add <c>api-version</c>).</summary>
    /// <param name="nextLink">The absolute URL returned by the service.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The successful response.</returns>
    public Task<Response> GetNextLinkAsync(Uri nextLink, CancellationToken cancellationToken)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(nextLink);
        return SendMessageAsync(message, null, false, null, cancellationToken);
    }

    /// <summary>Sends a request to an absolute URL the service handed out (a recording's content or delete location), without <c>api-version</c>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="location">The absolute URL.</param>
    /// <param name="buffer">False streams the response body to the caller instead of buffering it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The successful response.</returns>
    public async Task<Response> SendToLocationAsync(RequestMethod method, Uri location, bool buffer, CancellationToken cancellationToken)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(location);
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, "*/*");
        message.BufferResponse = buffer;
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status is < 200 or > 299)
        {
            throw new RequestFailedException(response);
        }

        return response;
    }

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public static JsonElement ParseBody(Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new RequestFailedException(response.Status, $"The service returned a body that is not valid JSON (status {response.Status}).", exception);
        }
    }

    private async Task<Response> SendMessageAsync(HttpMessage message, byte[]? body, bool repeatable, RepeatabilityHeaders? repeatability, CancellationToken cancellationToken)
    {
        // The message is not disposed: the returned Response (buffered) stays readable by the caller.
        var request = message.Request;
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        if (repeatable)
        {
            // Attached once per operation, before the pipeline: its retries resend the same pair.
            var pair = repeatability ?? RepeatabilityHeaders.CreateNew(TimeProvider);
            request.Headers.SetValue("Repeatability-Request-ID", pair.RepeatabilityRequestId.ToString("D"));
            request.Headers.SetValue("Repeatability-First-Sent", pair.RepeatabilityFirstSent.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
        }

        if (body is not null)
        {
            request.Headers.SetValue(HttpHeader.Names.ContentType, JsonContentType);
            request.Content = RequestContent.Create(body);
        }

        message.BufferResponse = true;
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status is < 200 or > 299)
        {
            // Azure.Core reads error.code / error.message of CommunicationErrorResponse into ErrorCode and Message.
            throw new RequestFailedException(response);
        }

        return response;
    }
}
