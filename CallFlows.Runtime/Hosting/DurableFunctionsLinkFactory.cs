using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Hosting;

/// <summary>Links from the Durable Functions extension (<c>CreateHttpManagementPayload</c>): needs the Functions host's client.</summary>
public sealed class DurableFunctionsLinkFactory : ICallManagementLinkFactory
{
    /// <inheritdoc />
    public CallManagementLinks Create(HttpRequest request, DurableTaskClient client, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var payload = client.CreateHttpManagementPayload(instanceId);
        return new CallManagementLinks(payload.Id ?? instanceId, Required(payload.StatusQueryGetUri), Required(payload.SendEventPostUri),
            Required(payload.TerminatePostUri), Required(payload.PurgeHistoryDeleteUri), payload.RestartPostUri, payload.SuspendPostUri, payload.ResumePostUri)
        {
            CallStatusGetUri = RequestLinkFactory.CallStatusUri(request, instanceId),
        };
    }

    private static string Required(string? uri) =>
        uri ?? throw new InvalidOperationException("The Durable Functions extension returned an incomplete management payload.");
}
