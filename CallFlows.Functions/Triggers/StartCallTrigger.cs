using CallFlows.Functions.Admission;
using CallFlows.Functions.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Functions.Triggers;

/// <summary>HTTP adapter: starts an outbound flow.</summary>
/// <param name="starter">The start logic.</param>
/// <param name="guard">Size and content-type checks before the body is read.</param>
public sealed class StartCallTrigger(CallStarter starter, RequestGuard guard)
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "StartCall";

    /// <summary><c>POST /api/calls</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>202 with the check-status payload, or 400.</returns>
    [Function(FunctionName)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        guard.RunAsync(request, () => starter.HandleAsync(request, client, cancellationToken));
}
