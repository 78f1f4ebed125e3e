using CallFlows.Runtime.Viewer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: the state of a call flow and its complete timeline.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CallStatusTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "GetCallStatus";

    /// <summary><c>GET /api/calls/{instanceId}</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="instanceId">The flow instance.</param>
    /// <param name="context">The function context (its services).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with the call view (<see cref="CallView"/>), or 404.</returns>
    [Function(FunctionName)]
    public static Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        context.InstanceServices.GetRequiredService<CallViewReader>().HandleAsync(instanceId, client, cancellationToken);
}
