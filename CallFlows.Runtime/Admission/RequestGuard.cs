using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Admission;

/// <summary>
/// Cheap checks in front of the app's POST endpoints, before a body is read: a body larger than
/// <see cref="AdmissionOptions.MaxRequestBodyBytes"/> is answered 413, a non-empty body that is not JSON 415 — both
/// with a log line. Without these a several-megabyte body was buffered and parsed in full and a text/plain or form
/// body was parsed as JSON anyway (found by the hostile-input corpus, <c>CallFlows.Tests/Resilience</c>).
/// </summary>
/// <param name="options">The limits.</param>
/// <param name="logger">The logger.</param>
internal sealed class RequestGuard(IOptions<AdmissionOptions> options, ILogger<RequestGuard> logger)
{
    /// <summary>Runs <paramref name="next"/> when the request passes the checks, else answers 413 or 415.</summary>
    /// <param name="request">The request.</param>
    /// <param name="next">The endpoint's logic.</param>
    /// <returns>The HTTP result.</returns>
    public Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(request.Method))
        {
            return next();
        }

        long max = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > max)
        {
            AdmissionLog.BodyTooLarge(logger, request.Path, request.ContentLength.Value, max);
            return Task.FromResult<IActionResult>(JsonHttpResult.Error(StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"The body is larger than {max} bytes.")));
        }

        // A chunked body has no length up front: let the server stop reading at the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        if (request.ContentLength is not 0 && !IsJson(request.ContentType))
        {
            AdmissionLog.NotJson(logger, request.Path, request.ContentType);
            return Task.FromResult<IActionResult>(JsonHttpResult.Error(StatusCodes.Status415UnsupportedMediaType,
                $"Content-Type '{request.ContentType}' is not accepted here; send application/json."));
        }

        return next();
    }

    static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        string mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
