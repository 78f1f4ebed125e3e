using CallFlows.Runtime.Viewer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: the list of calls, paged over the Durable Functions instance query.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CallListTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "ListCalls";

    /// <summary><c>GET /api/calls?status=&amp;flow=&amp;pageSize=&amp;continuationToken=</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="context">The function context (its services).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with a page of calls, 400 for a bad parameter.</returns>
    [Function(FunctionName)]
    public static Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<CallListReader>().HandleAsync(request, client, cancellationToken);
    }
}
