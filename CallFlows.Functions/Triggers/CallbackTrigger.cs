using CallFlows.Functions.Admission;
using CallFlows.Functions.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Functions.Triggers;

/// <summary>HTTP adapter: ACS Call Automation callbacks of one flow instance (authenticated by the ACS JWT, hence anonymous).</summary>
/// <param name="dispatcher">The callback logic.</param>
/// <param name="guard">Size and content-type checks before the body is read.</param>
public sealed class CallbackTrigger(CallbackDispatcher dispatcher, RequestGuard guard)
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "AcsCallback";

    /// <summary><c>POST /api/callbacks/{instanceId}</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="instanceId">The flow instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The HTTP result.</returns>
    [Function(FunctionName)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "callbacks/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, () => dispatcher.HandleAsync(request, instanceId, client, cancellationToken));
}
