using CallFlows.Functions.Viewer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Functions.Triggers;

/// <summary>HTTP adapter: the state of a call flow and its complete timeline.</summary>
/// <param name="reader">The call view logic.</param>
public sealed class CallStatusTrigger(CallViewReader reader)
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "GetCallStatus";

    /// <summary><c>GET /api/calls/{instanceId}</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="instanceId">The flow instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>200 with the call view (<see cref="CallView"/>), or 404.</returns>
    [Function(FunctionName)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "calls/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken) => reader.HandleAsync(instanceId, client, cancellationToken);
}
