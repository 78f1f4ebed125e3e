using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// Links built from the request's own base URL in the Durable Functions layout
/// (<c>/runtime/webhooks/durabletask/instances/{id}...</c>): the default for hosts other than Azure Functions.
/// </summary>
internal sealed class RequestLinkFactory : ICallManagementLinkFactory
{
    /// <inheritdoc />
    public CallManagementLinks Create(HttpRequest request, DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var instance = BaseUrl(request) + "/runtime/webhooks/durabletask/instances/" + Uri.EscapeDataString(instanceId);
        return new CallManagementLinks(
            instanceId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance,
            instance + "/restart",
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}")
        {
            CallStatusGetUri = CallStatusUri(request, instanceId),
        };
    }

    internal static string CallStatusUri(HttpRequest request, string instanceId) => BaseUrl(request) + "/api/calls/" + Uri.EscapeDataString(instanceId);

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
