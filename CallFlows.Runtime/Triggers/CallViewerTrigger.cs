using CallFlows.Runtime.Viewer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: the call viewer page (function key protected, like the API it reads; open it with <c>?code=</c>).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CallViewerTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "CallViewer";

    /// <summary><c>GET /api/viewer</c>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The page.</returns>
    [Function(FunctionName)]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "viewer")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new HtmlPageResult(CallViewerPage.Html);
    }
}
