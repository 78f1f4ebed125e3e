using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace CallFlows.Runtime.Viewer;

/// <summary>
/// An HTML page written directly (no MVC services needed, so it runs the same in the Functions host and the local
/// host), with a content security policy that allows only the page's own inline script and style and requests to
/// its own origin.
/// </summary>
/// <param name="html">The page.</param>
internal sealed class HtmlPageResult(string html) : IActionResult
{
    /// <summary>The page.</summary>
    public string Html { get; } = html;

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";
        byte[] body = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
    }
}
