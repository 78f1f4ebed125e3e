using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Security;

/// <summary>
/// In front of the Event Grid webhook: when <see cref="EventGridAuthOptions.Enabled"/>, a POST without a valid
/// Microsoft Entra token from Event Grid is answered 401 with a log line before anything is read or scheduled. The
/// function key is checked by the host before this runs; this is the second factor.
/// </summary>
/// <param name="validator">The token validator.</param>
/// <param name="logger">The logger.</param>
internal sealed class EventGridAuthGate(EventGridTokenValidator validator, ILogger<EventGridAuthGate> logger)
{
    /// <summary>Runs <paramref name="next"/> when the delivery is authenticated (or the check is off), else answers 401.</summary>
    /// <param name="request">The request.</param>
    /// <param name="next">The endpoint's logic.</param>
    /// <returns>The HTTP result.</returns>
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        if (!validator.Enabled || !HttpMethods.IsPost(request.Method))
        {
            return await next();
        }

        EventGridTokenValidationResult result = await validator.ValidateAsync(request.Headers.Authorization.ToString(), request.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next();
        }

        string reason = result.Reason ?? "invalid token";
        EventGridAuthLog.DeliveryRefused(logger, request.Path, reason);
        var refused = JsonHttpResult.Error(StatusCodes.Status401Unauthorized, "The Event Grid delivery is not authenticated: " + reason + ".");
        refused.Headers["WWW-Authenticate"] = "Bearer";
        return refused;
    }
}
