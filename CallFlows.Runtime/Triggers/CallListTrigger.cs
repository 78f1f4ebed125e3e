using CallFlows.Runtime.Viewer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: the list of calls, paged over the Durable Functions instance query.</summary>
/// <param name="reader">The list logic.</param>
public sealed class CallListTrigger(CallListReader reader)
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "ListCalls";

    /// <summary><c>GET /api/calls?status=&amp;flow=&amp;pageSize=&amp;continuationToken=</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with a page of calls, 400 for a bad parameter.</returns>
    [Function(FunctionName)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => reader.HandleAsync(request, client, cancellationToken);
}
